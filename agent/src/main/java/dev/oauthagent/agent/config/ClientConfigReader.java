package dev.oauthagent.agent.config;

import dev.oauthagent.agent.route.HostPattern;
import dev.oauthagent.agent.route.PathPrefix;
import dev.oauthagent.agent.route.Route;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Reads and validates one client's keys into a {@link ClientConfig}, reporting every invalid or missing
 * key rather than stopping at the first. Unset keys take their default from {@link KnownKeys}; an empty
 * value counts as unset, so a higher-precedence source can clear a lower one.
 */
final class ClientConfigReader {
    private final String name;
    private final Settings settings;
    private final SecretReferences references;
    private final ProblemList problems;
    private final List<String> warnings = new ArrayList<>();
    /** The token store keys that could be read, valid or not: scrubbed either way. */
    private final List<Secret> storeKeySecrets = new ArrayList<>();
    /** What {@link ClientAssertionReader} read: the assertion keys of private_key_jwt and client_secret_jwt. */
    private ClientAssertionReader assertion;

    private ClientConfigReader(String name, Settings settings, SecretReferences references, ProblemList problems) {
        this.name = name;
        this.settings = settings;
        this.references = references;
        this.problems = problems;
    }

    /** The client's routes, and its configuration when all of its keys are valid. */
    static Result read(String name, Settings settings, SecretReferences references, ProblemList problems) {
        return new ClientConfigReader(name, settings, references, problems).read();
    }

    static final class Result {
        /** Null when the client has problems. */
        final ClientConfig config;
        final Route routes;
        /** The secrets that could be loaded, also when the client has problems: they are scrubbed either way. */
        final ClientSecrets secrets;
        /** What works but is probably not what the user meant; never a secret value. */
        final List<String> warnings;

        Result(ClientConfig config, Route routes, ClientSecrets secrets, List<String> warnings) {
            this.config = config;
            this.routes = routes;
            this.secrets = secrets;
            this.warnings = warnings;
        }
    }

    private Result read() {
        int problemsBefore = problems.size();
        boolean allowHttp = orElse(value(KnownKeys.ALLOW_HTTP, ValueParsers.BOOLEAN), false);
        URI issuer = issuer(allowHttp);
        URI tokenUrl = tokenUrl(allowHttp);
        GrantType grantType = value(KnownKeys.GRANT_TYPE, ValueParsers.GRANT_TYPE);
        Secret clientIdValue = required(KnownKeys.CLIENT_ID, reference(KnownKeys.CLIENT_ID, true));
        String clientId = clientIdValue == null ? null : clientIdValue.reveal();
        ClientAuthMethod clientAuth = clientAuth();
        Secret clientSecret = clientSecret(grantType, clientAuth);
        assertion = ClientAssertionReader.read(name, settings, problems, clientAuth, clientSecret,
                reference(KnownKeys.PRIVATE_KEY_PASSWORD, true), reference(KnownKeys.CLIENT_ASSERTION, true));
        boolean discovered = !isUnset(KnownKeys.ISSUER);
        URI deviceAuthorizationUrl = userGrantUrl(KnownKeys.DEVICE_AUTHORIZATION_URL, GrantType.DEVICE_CODE,
                grantType, allowHttp, discovered, "the device code and the user code");
        URI authorizationUrl = userGrantUrl(KnownKeys.AUTHORIZATION_URL, GrantType.AUTHORIZATION_CODE, grantType,
                allowHttp, discovered, "the user's login and the authorization code");
        String redirectUri = redirectUri(grantType);
        List<String> scopes = value(KnownKeys.SCOPES, ValueParsers.SCOPES);
        String audience = value(KnownKeys.AUDIENCE, ValueParsers.TEXT);
        List<String> resources = value(KnownKeys.RESOURCE, ValueParsers.RESOURCES);
        List<HostPattern> hosts = hosts();
        List<PathPrefix> paths = paths();
        Duration refreshBefore = value(KnownKeys.REFRESH_BEFORE, ValueParsers.DURATION);
        Duration expirySkew = value(KnownKeys.EXPIRY_SKEW, ValueParsers.DURATION);
        Duration waitTimeout = value(KnownKeys.WAIT_TIMEOUT, ValueParsers.DURATION);
        FailMode failMode = value(KnownKeys.FAIL_MODE, ValueParsers.FAIL_MODE);
        Duration connectTimeout = value(KnownKeys.CONNECT_TIMEOUT, ValueParsers.POSITIVE_DURATION);
        Duration readTimeout = value(KnownKeys.READ_TIMEOUT, ValueParsers.POSITIVE_DURATION);
        Duration defaultExpiresIn = value(KnownKeys.DEFAULT_EXPIRES_IN, ValueParsers.POSITIVE_DURATION);
        Path truststore = value(KnownKeys.TRUSTSTORE, ValueParsers.READABLE_FILE);
        Secret truststorePassword = value(KnownKeys.TRUSTSTORE_PASSWORD, reference(KnownKeys.TRUSTSTORE_PASSWORD, false));
        String truststoreType = value(KnownKeys.TRUSTSTORE_TYPE, ValueParsers.KEY_STORE_TYPE);
        boolean overrideExisting = orElse(value(KnownKeys.OVERRIDE_EXISTING, ValueParsers.BOOLEAN), false);
        if ((truststorePassword != null || truststoreType != null) && isUnset(KnownKeys.TRUSTSTORE)) {
            invalid(isUnset(KnownKeys.TRUSTSTORE_PASSWORD) ? KnownKeys.TRUSTSTORE_TYPE : KnownKeys.TRUSTSTORE_PASSWORD,
                    "has no effect without " + KnownKeys.TRUSTSTORE.fullKey(name) + "; set the trust store path or "
                            + "remove this key");
        }
        TokenStoreConfig tokenStore = tokenStore(grantType);
        URI proxy = value(KnownKeys.PROXY, ValueParsers.PROXY_URL);
        Secret proxyUser = value(KnownKeys.PROXY_USER, reference(KnownKeys.PROXY_USER, true));
        Secret proxyPassword = value(KnownKeys.PROXY_PASSWORD, reference(KnownKeys.PROXY_PASSWORD, true));
        checkProxyCredentials(proxyUser, proxyPassword);
        Map<String, Secret> tokenParams = tokenParams();

        // Invalid paths count as "/" here, so that the overlap check still sees the client's hosts.
        Route routes = new Route(name, orElse(hosts, Collections.<HostPattern>emptyList()),
                paths == null || paths.isEmpty() ? Collections.singletonList(PathPrefix.ROOT) : paths, allowHttp);
        ClientSecrets secrets = new ClientSecrets(name, clientId, clientSecret, truststorePassword, storeKeySecrets,
                proxyUser, proxyPassword, new ArrayList<>(tokenParams.values()), assertion.password());
        if (problems.size() != problemsBefore) {
            return new Result(null, routes, secrets, warnings);
        }
        ClientConfig config = ClientConfig.builder(name)
                .tokenUrl(tokenUrl).issuer(issuer).grantType(grantType).clientId(clientId).clientSecret(clientSecret)
                .clientAuth(clientAuth).deviceAuthorizationUrl(deviceAuthorizationUrl)
                .authorizationUrl(authorizationUrl).redirectUri(redirectUri)
                .scopes(orElse(scopes, Collections.<String>emptyList())).audience(audience)
                .resources(orElse(resources, Collections.<String>emptyList()))
                .hosts(normalizedTexts(routes.hosts())).paths(normalizedTexts(routes.paths()))
                .allowHttp(allowHttp).refreshBefore(refreshBefore).expirySkew(expirySkew).waitTimeout(waitTimeout)
                .failMode(failMode).connectTimeout(connectTimeout).readTimeout(readTimeout)
                .defaultExpiresIn(defaultExpiresIn).truststore(truststore).truststorePassword(truststorePassword)
                .truststoreType(truststoreType).tokenStore(tokenStore).overrideExisting(overrideExisting)
                .proxy(proxy).proxyCredentials(proxyUser, proxyPassword).tokenParams(tokenParams)
                .privateKey(assertion.privateKey()).clientCertificate(assertion.clientCertificate())
                .signingAlgorithm(assertion.algorithm()).keyId(assertion.keyId())
                .assertionAudience(assertion.audience())
                .build();
        if (assertion.federated() != null) {
            config = ClientConfig.Builder.copyOf(config).clientAssertion(assertion.federated(), assertion.federatedType())
                    .build();
        }
        return new Result(config, routes, secrets, warnings);
    }

    /**
     * client-auth, or {@link ClientAuthMethod#CLIENT_ASSERTION} when client-assertion is set: that key selects its
     * own method, so naming another one too is a contradiction. Null when invalid.
     */
    private ClientAuthMethod clientAuth() {
        ClientAuthMethod configured = value(KnownKeys.CLIENT_AUTH, ValueParsers.CLIENT_AUTH);
        if (isUnset(KnownKeys.CLIENT_ASSERTION)) {
            return configured;
        }
        if (!isUnset(KnownKeys.CLIENT_AUTH)) {
            invalid(KnownKeys.CLIENT_AUTH, "is set together with " + KnownKeys.CLIENT_ASSERTION.fullKey(name)
                    + ", which selects its own method (the assertion read from its file); remove one of them");
            return null;
        }
        return ClientAuthMethod.CLIENT_ASSERTION;
    }

    /** The issuer, or null when unset or invalid; an RFC 8414 §2 issuer has no query or fragment. */
    private URI issuer(boolean allowHttp) {
        URI issuer = value(KnownKeys.ISSUER, ValueParsers.HTTP_URL);
        if (issuer != null && issuer.getRawQuery() != null) {
            invalid(KnownKeys.ISSUER, "has a query (?...), which an issuer never has (RFC 8414); write the issuer "
                    + "exactly as the server's metadata document names it, e.g. " + KnownKeys.ISSUER.example());
            return null;
        }
        refusePlainHttp(KnownKeys.ISSUER, issuer, allowHttp, "the client secret and tokens");
        return issuer;
    }

    /**
     * The token endpoint, null when unset or invalid. Exactly one of token-url and issuer: with both, the agent
     * would have to pick one of two statements of where the token endpoint is, so neither is taken.
     */
    private URI tokenUrl(boolean allowHttp) {
        String tokenKey = KnownKeys.TOKEN_URL.fullKey(name);
        String issuerKey = KnownKeys.ISSUER.fullKey(name);
        if (isUnset(KnownKeys.TOKEN_URL) && isUnset(KnownKeys.ISSUER)) {
            SourcedValue v = settings.get(tokenKey);
            problems.add(tokenKey, (v == null ? "is required but not set" : "is empty (from " + v.origin + ")")
                    + "; set " + tokenKey + " or env var " + KeyNames.envName(tokenKey) + ", e.g. "
                    + KnownKeys.TOKEN_URL.example() + ", or set " + issuerKey + " (e.g. " + KnownKeys.ISSUER.example()
                    + ") to take the endpoints from the server's metadata document");
            return null;
        }
        if (isUnset(KnownKeys.TOKEN_URL)) {
            return null;
        }
        if (!isUnset(KnownKeys.ISSUER)) {
            invalid(KnownKeys.TOKEN_URL, "is set together with " + issuerKey + "; set only one: " + issuerKey
                    + " to take the token endpoint from the server's metadata document, or " + tokenKey
                    + " to name it yourself");
            return null;
        }
        URI tokenUrl = value(KnownKeys.TOKEN_URL, ValueParsers.HTTP_URL);
        refusePlainHttp(KnownKeys.TOKEN_URL, tokenUrl, allowHttp, "the client secret and tokens");
        return tokenUrl;
    }

    private void refusePlainHttp(KnownKey key, URI url, boolean allowHttp, String exposed) {
        if (url != null && "http".equalsIgnoreCase(url.getScheme()) && !allowHttp) {
            invalid(key, "uses plain http, so " + exposed + " would cross the network unencrypted; use https, or "
                    + "for local testing only set " + KnownKeys.ALLOW_HTTP.fullKey(name) + "=true");
        }
    }

    /**
     * The client secret, by grant and {@code client-auth}: client credentials always needs one; a user grant
     * needs one unless the client is public ({@code client-auth=none}), which must have none. A secret reported as
     * a problem is still read, so that it is scrubbed.
     */
    private Secret clientSecret(GrantType grantType, ClientAuthMethod clientAuth) {
        KnownKey key = KnownKeys.CLIENT_SECRET;
        if (clientAuth == ClientAuthMethod.PRIVATE_KEY_JWT || clientAuth == ClientAuthMethod.CLIENT_ASSERTION
                || clientAuth != null && clientAuth.presentsCertificate()) {
            if (!isUnset(key)) {
                invalid(key, "is set, but " + (clientAuth == ClientAuthMethod.CLIENT_ASSERTION
                        ? KnownKeys.CLIENT_ASSERTION.fullKey(name) + " sends the assertion from its file"
                        : KnownKeys.CLIENT_AUTH.fullKey(name) + "=" + clientAuth.configName() + (clientAuth
                                == ClientAuthMethod.PRIVATE_KEY_JWT ? " signs with " : " presents the certificate of ")
                                + KnownKeys.PRIVATE_KEY.fullKey(name))
                        + " and sends no secret; remove " + key.fullKey(name) + ", or choose a method that uses it");
                return value(key, reference(key, true));
            }
            return null;
        }
        if (grantType == null || !grantType.holdsRefreshTokens()) {
            if (grantType != null && clientAuth == ClientAuthMethod.NONE) {
                invalid(KnownKeys.CLIENT_AUTH, "is none (a public client), but with grant-type client_credentials "
                        + "the client acts for itself and must prove it with its secret; set client_secret_basic or "
                        + "client_secret_post");
            }
            return required(key, reference(key, true));
        }
        if (clientAuth == ClientAuthMethod.NONE) {
            if (!isUnset(key)) {
                invalid(key, "is set, but " + KnownKeys.CLIENT_AUTH.fullKey(name) + "=none (a public client) "
                        + "sends no secret; remove " + key.fullKey(name) + ", or for a confidential client set "
                        + KnownKeys.CLIENT_AUTH.fullKey(name) + " to client_secret_basic or client_secret_post");
                return value(key, reference(key, true));
            }
            return null;
        }
        if (clientAuth != null && isUnset(key)) {
            problems.add(key.fullKey(name), "is required with client-auth=" + clientAuth.configName()
                    + (isUnset(KnownKeys.CLIENT_AUTH) ? " (the default)" : "") + "; set " + key.fullKey(name)
                    + " for a confidential client, or " + KnownKeys.CLIENT_AUTH.fullKey(name) + "=none for a public "
                    + "client, which has no secret");
            return null;
        }
        return value(key, reference(key, true));
    }

    /**
     * An endpoint of a user grant: required for {@code usedBy} unless the issuer's metadata gives it, checked when
     * set for another grant and then a warning (refresh_token keeps them quietly: {@code login} runs the flow they
     * name). Set together with issuer, it is used instead of the metadata's.
     */
    private URI userGrantUrl(KnownKey key, GrantType usedBy, GrantType grantType, boolean allowHttp,
            boolean discovered, String exposed) {
        String fullKey = key.fullKey(name);
        if (grantType == usedBy && isUnset(key) && !discovered) {
            problems.add(fullKey, "is required with grant-type " + usedBy.configName() + "; set it to the server's "
                    + "endpoint, e.g. " + fullKey + "=" + key.example() + ", or set " + KnownKeys.ISSUER.fullKey(name)
                    + " to take it from the server's metadata document");
            return null;
        }
        URI url = value(key, ValueParsers.HTTP_URL);
        refusePlainHttp(key, url, allowHttp, exposed);
        if (url != null && grantType != null && grantType != usedBy && grantType != GrantType.REFRESH_TOKEN) {
            warnings.add(fullKey + " is set, but grant-type " + grantType.configName() + " does not use it (only "
                    + usedBy.configName() + " does); remove it");
        }
        return url;
    }

    /** The redirect URI, the default when unset; set for a grant without a browser it is a warning. */
    private String redirectUri(GrantType grantType) {
        String redirect = value(KnownKeys.REDIRECT_URI, ValueParsers.LOOPBACK_REDIRECT);
        if (!isUnset(KnownKeys.REDIRECT_URI) && grantType != null && grantType != GrantType.AUTHORIZATION_CODE
                && grantType != GrantType.REFRESH_TOKEN) {
            warnings.add(KnownKeys.REDIRECT_URI.fullKey(name) + " is set, but grant-type " + grantType.configName()
                    + " does not use it (only authorization_code does); remove it");
        }
        return redirect;
    }

    /**
     * The token store, or null when {@code token-store} is unset or a problem was reported. Its other keys mean
     * nothing without it. A grant that never holds a refresh token does not use a store: a warning, not an
     * error, so that the line can be prepared before the grant changes.
     */
    private TokenStoreConfig tokenStore(GrantType grantType) {
        Path path = value(KnownKeys.TOKEN_STORE, ValueParsers.TOKEN_STORE_PATH);
        TokenStoreKey key = storeKey(KnownKeys.TOKEN_STORE_KEY);
        TokenStoreKey previousKey = storeKey(KnownKeys.TOKEN_STORE_KEY_PREVIOUS);
        boolean keepAccessToken = orElse(value(KnownKeys.TOKEN_STORE_ACCESS_TOKEN, ValueParsers.BOOLEAN), false);
        String storeKey = KnownKeys.TOKEN_STORE.fullKey(name);
        if (isUnset(KnownKeys.TOKEN_STORE) && grantType == GrantType.REFRESH_TOKEN) {
            problems.add(storeKey, "is required with grant-type refresh_token, which only redeems the refresh token "
                    + "that java -jar oauth-agent.jar login " + name + " stores there; set " + storeKey + " and "
                    + KnownKeys.TOKEN_STORE_KEY.fullKey(name) + ", or use grant-type device_code or "
                    + "authorization_code");
        }
        if (isUnset(KnownKeys.TOKEN_STORE)) {
            for (KnownKey dependent : new KnownKey[] {KnownKeys.TOKEN_STORE_KEY, KnownKeys.TOKEN_STORE_KEY_PREVIOUS,
                    KnownKeys.TOKEN_STORE_ACCESS_TOKEN}) {
                if (!isUnset(dependent)) {
                    invalid(dependent, "has no effect without " + storeKey + "; set the store's file or remove "
                            + "this key");
                }
            }
            return null;
        }
        if (grantType != null && !grantType.holdsRefreshTokens()) {
            warnings.add(storeKey + " is set, but grant-type " + grantType.wireName() + " never holds a refresh "
                    + "token, so the token store is not used; remove " + storeKey + " and its keys");
        } else if (isUnset(KnownKeys.TOKEN_STORE_KEY)) {
            String keyName = KnownKeys.TOKEN_STORE_KEY.fullKey(name);
            problems.add(keyName, "is required with " + storeKey + ", which is encrypted with it; set " + keyName
                    + "=" + KeyNames.fileReferenceExample(name, KnownKeys.TOKEN_STORE_KEY.name()) + " or "
                    + KeyNames.envReferenceExample(name, KnownKeys.TOKEN_STORE_KEY.name())
                    + ", holding a key made with openssl rand -base64 32");
        }
        return path == null || key == null ? null : new TokenStoreConfig(path, key, previousKey, keepAccessToken);
    }

    /** A key of the token store: only a reference gives one, whose value must be a key or a passphrase. */
    private TokenStoreKey storeKey(KnownKey key) {
        if (isUnset(key)) {
            return null;
        }
        if (!SecretReferences.looksLikeReference(settings.get(key.fullKey(name)).value)) {
            invalid(key, "is written as a literal, but a key must come from ${env:NAME} or ${file:/path}, apart from "
                    + "the configuration; e.g. " + KeyNames.fileReferenceExample(name, key.name())
                    + " (the value is not repeated here)");
            return null;
        }
        Secret secret = value(key, reference(key, true));
        if (secret == null) {
            return null;
        }
        storeKeySecrets.add(secret);
        try {
            return TokenStoreKey.parse(secret);
        } catch (InvalidValueException e) {
            invalid(key, e.getMessage());
            return null;
        }
    }

    /** Proxy credentials come in pairs: a user without a password (or the reverse) is a half-done edit. */
    private void checkProxyCredentials(Secret user, Secret password) {
        if (isUnset(KnownKeys.PROXY_USER) != isUnset(KnownKeys.PROXY_PASSWORD)) {
            KnownKey missing = isUnset(KnownKeys.PROXY_USER) ? KnownKeys.PROXY_USER : KnownKeys.PROXY_PASSWORD;
            KnownKey present = missing == KnownKeys.PROXY_USER ? KnownKeys.PROXY_PASSWORD : KnownKeys.PROXY_USER;
            problems.add(missing.fullKey(name), "is required with " + present.fullKey(name) + ": the proxy gets both "
                    + "(Basic); set " + missing.fullKey(name) + "=" + KeyNames.envReferenceExample(name, missing.name())
                    + ", or remove " + present.fullKey(name));
        }
    }

    /**
     * The {@code token-params.<name>} values by parameter name, in name order. A name the grant or another key
     * already sends is refused, with the key to use instead. Values are resolved like secrets: vendor parameters
     * may be keys.
     */
    private Map<String, Secret> tokenParams() {
        Map<String, Secret> params = new LinkedHashMap<>();
        String prefix = KeyNames.clientKey(name, KnownKeys.TOKEN_PARAMS.familyPrefix());
        for (String fullKey : settings.keysStartingWith(prefix)) {
            SourcedValue v = settings.get(fullKey);
            String parameter = fullKey.substring(prefix.length());
            String reservedFor = TokenParamNames.reservedFor(parameter);
            if (reservedFor != null) {
                problems.add(fullKey, "would override the token request's own " + parameter + " parameter (from "
                        + v.origin + "); use " + reservedFor + " instead, and remove " + fullKey);
            } else if (!TokenParamNames.isValidName(parameter)) {
                problems.add(fullKey, "names no valid form parameter (from " + v.origin + "); use the parameter's "
                        + "name as the server documents it, e.g. " + KeyNames.clientKey(name, "token-params.tenant"));
            } else if (v.value.isEmpty()) {
                problems.add(fullKey, "is empty (from " + v.origin + "); set the value to send, or remove the key");
            } else {
                try {
                    params.put(parameter, references.resolve(v.value, v.origin));
                } catch (InvalidValueException e) {
                    problems.add(fullKey, e.getMessage());
                }
            }
        }
        return params;
    }

    /** The parsed value, the parsed default when unset, or null when unset without default or invalid. */
    private <T> T value(KnownKey key, ValueParser<T> parser) {
        String raw = raw(key);
        if (raw == null) {
            return null;
        }
        try {
            return parser.parse(raw);
        } catch (InvalidValueException e) {
            invalid(key, e.getMessage());
            return null;
        }
    }

    /**
     * The value as written, the default when unset, or null when unset without default or when it holds
     * a reference where none is resolved.
     */
    private String raw(KnownKey key) {
        SourcedValue v = settings.get(key.fullKey(name));
        String raw = v == null || v.value.isEmpty() ? key.defaultValue() : v.value;
        if (raw != null && v != null && !key.referenceAllowed() && containsReference(v.value)) {
            invalid(key, "contains a ${env:...} or ${file:...} reference, which is resolved only in client-id, "
                    + "client-secret, truststore-password, private-key-password and the token-store keys; write the "
                    + "value itself");
            return null;
        }
        return raw;
    }

    /**
     * The host patterns, parsed exactly as {@link dev.oauthagent.agent.route.RouteTable} parses them so that
     * a configuration that loads always builds a route table. Null when unset or unusable as a whole.
     */
    private List<HostPattern> hosts() {
        String raw = raw(KnownKeys.HOSTS);
        if (raw == null) {
            return null;
        }
        // HostPattern masks user info per entry, but a password with a comma would be split into two
        // entries, and the part before the comma shown: so the whole value is refused unseen.
        if (raw.indexOf('@') >= 0) {
            invalid(KnownKeys.HOSTS, "contains user info ('@'), as in user:password@host: write only host names, "
                    + "e.g. api.example.com (the value is not repeated here because it may hold a password)");
            return null;
        }
        return entries(KnownKeys.HOSTS, TextValues.splitOnCommas(raw), ValueParsers.HOST_PATTERN);
    }

    /** The path prefixes, parsed as {@link #hosts()} are; null when unusable as a whole. */
    private List<PathPrefix> paths() {
        String raw = raw(KnownKeys.PATHS);
        if (raw == null) {
            return null;
        }
        // PathPrefix repeats a URL as written, and a URL may carry user:password@.
        if (raw.contains("://")) {
            invalid(KnownKeys.PATHS, "contains a URL: write only path prefixes such as /api, and the host in "
                    + KnownKeys.HOSTS.fullKey(name) + " (the value is not repeated here because a URL may hold "
                    + "a password)");
            return null;
        }
        List<String> entries = TextValues.splitOnCommas(raw);
        if (entries.isEmpty()) {
            invalid(KnownKeys.PATHS, "lists no path prefix; use / for all paths");
            return null;
        }
        return entries(KnownKeys.PATHS, entries, ValueParsers.PATH_PREFIX);
    }

    /** Each entry parsed, duplicates after normalization dropped; every invalid entry is its own problem. */
    private <T> List<T> entries(KnownKey key, List<String> entries, ValueParser<T> parser) {
        LinkedHashSet<T> parsed = new LinkedHashSet<>();
        for (String entry : entries) {
            try {
                parsed.add(parser.parse(entry));
            } catch (InvalidValueException e) {
                invalid(key, e.getMessage());
            }
        }
        return new ArrayList<>(parsed);
    }

    /** HostPattern and PathPrefix print themselves in normalized configuration syntax that parses back. */
    private static List<String> normalizedTexts(List<?> values) {
        List<String> texts = new ArrayList<>(values.size());
        for (Object value : values) {
            texts.add(value.toString());
        }
        return texts;
    }

    private <T> T required(KnownKey key, ValueParser<T> parser) {
        if (isUnset(key)) {
            SourcedValue v = settings.get(key.fullKey(name));
            String fullKey = key.fullKey(name);
            problems.add(fullKey, (v == null ? "is required but not set" : "is empty (from " + v.origin + ")")
                    + "; set " + fullKey + " or env var " + KeyNames.envName(fullKey) + ", e.g. " + example(key));
            return null;
        }
        return value(key, parser);
    }

    /** The key's example, with a secret's reference named after this client rather than the documentation's. */
    private String example(KnownKey key) {
        return key.secret() ? KeyNames.envReferenceExample(name, key.name()) : key.example();
    }

    private boolean isUnset(KnownKey key) {
        SourcedValue v = settings.get(key.fullKey(name));
        return v == null || v.value.isEmpty();
    }

    /** Appends where the value was set, so the user knows which source to edit. */
    private void invalid(KnownKey key, String message) {
        SourcedValue v = settings.get(key.fullKey(name));
        String from = v == null || message.contains("(from " + v.origin + ")") ? "" : " (from " + v.origin + ")";
        problems.add(key.fullKey(name), message + from);
    }

    private static boolean containsReference(String raw) {
        return raw.contains("${env:") || raw.contains("${file:");
    }

    private static <T> T orElse(T value, T fallback) {
        return value == null ? fallback : value;
    }

    /** A value that may be a ${env:...} or ${file:...} reference, resolved when parsed. */
    private ValueParser<Secret> reference(KnownKey key, boolean nonEmpty) {
        SourcedValue v = settings.get(key.fullKey(name));
        return new ReferenceParser(references, v == null ? null : v.origin, nonEmpty);
    }

    /**
     * Resolves a reference, reporting a literal's origin as the source that set the key. A class, not a lambda:
     * see {@link ValueParsers}.
     */
    private static final class ReferenceParser implements ValueParser<Secret> {
        private final SecretReferences references;
        private final String literalOrigin;
        private final boolean nonEmpty;

        ReferenceParser(SecretReferences references, String literalOrigin, boolean nonEmpty) {
            this.references = references;
            this.literalOrigin = literalOrigin;
            this.nonEmpty = nonEmpty;
        }

        @Override
        public Secret parse(String raw) throws InvalidValueException {
            Secret s = references.resolve(raw, literalOrigin);
            if (nonEmpty && s.isEmpty()) {
                throw new InvalidValueException("is empty (from " + s.origin() + "); set a non-empty value");
            }
            return s;
        }
    }
}
