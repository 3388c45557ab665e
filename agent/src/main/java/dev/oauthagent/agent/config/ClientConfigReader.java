package dev.oauthagent.agent.config;

import dev.oauthagent.agent.route.HostPattern;
import dev.oauthagent.agent.route.PathPrefix;
import dev.oauthagent.agent.route.Route;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads and validates one client's keys into a {@link ClientConfig}, reporting every invalid or missing
 * key rather than stopping at the first. Unset keys take their default from {@link KnownKeys}; an empty
 * value counts as unset, so a higher-precedence source can clear a lower one.
 */
final class ClientConfigReader {
    /** RFC 6749 §3.3 scope-token characters. */
    private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");
    private static final String LIST_SEPARATOR = ",";

    private final String name;
    private final Settings settings;
    private final SecretReferences references;
    private final ProblemList problems;

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

        Result(ClientConfig config, Route routes) {
            this.config = config;
            this.routes = routes;
        }
    }

    private Result read() {
        int problemsBefore = problems.size();
        boolean allowHttp = orElse(value(KnownKeys.ALLOW_HTTP, TextValues::parseBoolean), false);
        URI tokenUrl = required(KnownKeys.TOKEN_URL, UriRules::httpUrl);
        if (tokenUrl != null && "http".equalsIgnoreCase(tokenUrl.getScheme()) && !allowHttp) {
            invalid(KnownKeys.TOKEN_URL, "uses plain http, so the client secret and tokens would cross the network "
                    + "unencrypted; use https, or for local testing only set "
                    + KnownKeys.ALLOW_HTTP.fullKey(name) + "=true");
        }
        GrantType grantType = value(KnownKeys.GRANT_TYPE, ClientConfigReader::grantType);
        String clientId = required(KnownKeys.CLIENT_ID, raw -> nonEmpty(KnownKeys.CLIENT_ID, raw).reveal());
        Secret clientSecret = grantType == null || grantType == GrantType.CLIENT_CREDENTIALS
                ? required(KnownKeys.CLIENT_SECRET, raw -> nonEmpty(KnownKeys.CLIENT_SECRET, raw))
                : value(KnownKeys.CLIENT_SECRET, raw -> nonEmpty(KnownKeys.CLIENT_SECRET, raw));
        ClientAuthMethod clientAuth = value(KnownKeys.CLIENT_AUTH, ClientConfigReader::clientAuth);
        List<String> scopes = value(KnownKeys.SCOPES, ClientConfigReader::scopes);
        String audience = value(KnownKeys.AUDIENCE, raw -> raw);
        List<String> resources = value(KnownKeys.RESOURCE, ClientConfigReader::resources);
        List<HostPattern> hosts = hosts();
        List<PathPrefix> paths = paths();
        Duration refreshBefore = value(KnownKeys.REFRESH_BEFORE, DurationParser::parse);
        Duration expirySkew = value(KnownKeys.EXPIRY_SKEW, DurationParser::parse);
        Duration waitTimeout = value(KnownKeys.WAIT_TIMEOUT, DurationParser::parse);
        FailMode failMode = value(KnownKeys.FAIL_MODE, ClientConfigReader::failMode);
        Duration connectTimeout = value(KnownKeys.CONNECT_TIMEOUT, ClientConfigReader::positiveDuration);
        Duration readTimeout = value(KnownKeys.READ_TIMEOUT, ClientConfigReader::positiveDuration);
        Duration defaultExpiresIn = value(KnownKeys.DEFAULT_EXPIRES_IN, ClientConfigReader::positiveDuration);
        Path truststore = value(KnownKeys.TRUSTSTORE, ClientConfigReader::readableFile);
        Secret truststorePassword = value(KnownKeys.TRUSTSTORE_PASSWORD, this::secret);
        String truststoreType = value(KnownKeys.TRUSTSTORE_TYPE, ClientConfigReader::keyStoreType);
        boolean overrideExisting = orElse(value(KnownKeys.OVERRIDE_EXISTING, TextValues::parseBoolean), false);
        if ((truststorePassword != null || truststoreType != null) && isUnset(KnownKeys.TRUSTSTORE)) {
            invalid(isUnset(KnownKeys.TRUSTSTORE_PASSWORD) ? KnownKeys.TRUSTSTORE_TYPE : KnownKeys.TRUSTSTORE_PASSWORD,
                    "has no effect without " + KnownKeys.TRUSTSTORE.fullKey(name) + "; set the trust store path or "
                            + "remove this key");
        }

        // Invalid paths count as "/" here, so that the overlap check still sees the client's hosts.
        Route routes = new Route(name, orElse(hosts, Collections.<HostPattern>emptyList()),
                paths == null || paths.isEmpty() ? Collections.singletonList(PathPrefix.ROOT) : paths, allowHttp);
        if (problems.size() != problemsBefore) {
            return new Result(null, routes);
        }
        ClientConfig config = ClientConfig.builder(name)
                .tokenUrl(tokenUrl).grantType(grantType).clientId(clientId).clientSecret(clientSecret)
                .clientAuth(clientAuth).scopes(orElse(scopes, Collections.<String>emptyList())).audience(audience)
                .resources(orElse(resources, Collections.<String>emptyList()))
                .hosts(normalizedTexts(routes.hosts())).paths(normalizedTexts(routes.paths()))
                .allowHttp(allowHttp).refreshBefore(refreshBefore).expirySkew(expirySkew).waitTimeout(waitTimeout)
                .failMode(failMode).connectTimeout(connectTimeout).readTimeout(readTimeout)
                .defaultExpiresIn(defaultExpiresIn).truststore(truststore).truststorePassword(truststorePassword)
                .truststoreType(truststoreType).overrideExisting(overrideExisting)
                .build();
        return new Result(config, routes);
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
                    + "client-secret and truststore-password; write the value itself");
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
        return entries(KnownKeys.HOSTS, TextValues.split(raw, LIST_SEPARATOR), HostPattern::parse);
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
        List<String> entries = TextValues.split(raw, LIST_SEPARATOR);
        if (entries.isEmpty()) {
            invalid(KnownKeys.PATHS, "lists no path prefix; use / for all paths");
            return null;
        }
        return entries(KnownKeys.PATHS, entries, PathPrefix::parse);
    }

    /** Each entry parsed, duplicates after normalization dropped; every invalid entry is its own problem. */
    private <T> List<T> entries(KnownKey key, List<String> entries, Function<String, T> parser) {
        LinkedHashSet<T> parsed = new LinkedHashSet<>();
        for (String entry : entries) {
            try {
                parsed.add(parser.apply(entry));
            } catch (IllegalArgumentException e) {
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
                    + "; set " + fullKey + " or env var " + KeyNames.envName(fullKey) + ", e.g. " + key.example());
            return null;
        }
        return value(key, parser);
    }

    private boolean isUnset(KnownKey key) {
        SourcedValue v = settings.get(key.fullKey(name));
        return v == null || v.value.isEmpty();
    }

    private Secret secret(String raw) throws InvalidValueException {
        return references.resolve(raw, settings.get(KnownKeys.TRUSTSTORE_PASSWORD.fullKey(name)).origin);
    }

    private Secret nonEmpty(KnownKey key, String raw) throws InvalidValueException {
        Secret s = references.resolve(raw, settings.get(key.fullKey(name)).origin);
        if (s.isEmpty()) {
            throw new InvalidValueException("is empty (from " + s.origin() + "); set a non-empty value");
        }
        return s;
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

    private static GrantType grantType(String raw) throws InvalidValueException {
        GrantType g = GrantType.fromConfigValue(raw.trim().toLowerCase(java.util.Locale.ROOT));
        if (g == null) {
            throw new InvalidValueException("'" + raw + "' is not a known grant type; use client_credentials");
        }
        if (!g.isImplemented()) {
            throw new InvalidValueException("'" + raw + "' is not implemented yet in this version, use "
                    + "client_credentials");
        }
        return g;
    }

    private static ClientAuthMethod clientAuth(String raw) throws InvalidValueException {
        List<String> accepted = new ArrayList<>();
        for (ClientAuthMethod m : ClientAuthMethod.values()) {
            accepted.add(m.configName());
        }
        return ClientAuthMethod.fromConfigValue(TextValues.choice(raw, accepted));
    }

    private static FailMode failMode(String raw) throws InvalidValueException {
        List<String> accepted = new ArrayList<>();
        for (FailMode m : FailMode.values()) {
            accepted.add(m.configName());
        }
        return FailMode.fromConfigValue(TextValues.choice(raw, accepted));
    }

    private static List<String> scopes(String raw) throws InvalidValueException {
        List<String> scopes = TextValues.split(raw, "[\\s,]+");
        for (String scope : scopes) {
            if (!SCOPE_TOKEN.matcher(scope).matches()) {
                throw new InvalidValueException("scope '" + scope + "' contains a character RFC 6749 forbids "
                        + "(\" or \\ or a control character); separate scopes with spaces or commas");
            }
        }
        return new ArrayList<>(new LinkedHashSet<>(scopes));
    }

    private static List<String> resources(String raw) throws InvalidValueException {
        List<String> entries = TextValues.split(raw, LIST_SEPARATOR);
        List<String> resources = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            try {
                resources.add(UriRules.resource(entries.get(i)).toString());
            } catch (InvalidValueException e) {
                throw new InvalidValueException("entry " + (i + 1) + " " + e.getMessage()
                        + "; separate several resources with commas");
            }
        }
        return resources;
    }

    /** Zero would mean "wait forever" to the JDK's HTTP clients, or an already expired token. */
    private static Duration positiveDuration(String raw) throws InvalidValueException {
        Duration d = DurationParser.parse(raw);
        if (d.isZero()) {
            throw new InvalidValueException("'" + raw + "' is zero; use a positive duration, e.g. 5s");
        }
        return d;
    }

    private static Path readableFile(String raw) throws InvalidValueException {
        Path path;
        try {
            path = Paths.get(raw);
        } catch (InvalidPathException e) {
            throw new InvalidValueException("'" + raw + "' is not a valid path");
        }
        String where = PropertiesFileSource.describe(path);
        if (!Files.exists(path)) {
            throw new InvalidValueException("file " + where + " does not exist; fix the path");
        }
        if (!Files.isRegularFile(path)) {
            throw new InvalidValueException(where + " is not a regular file; point it at the trust store file");
        }
        if (!Files.isReadable(path)) {
            throw new InvalidValueException("file " + where + " is not readable (permission denied); grant read "
                    + "access to the JVM's user");
        }
        return path;
    }

    private static String keyStoreType(String raw) throws InvalidValueException {
        try {
            KeyStore.getInstance(raw);
            return raw;
        } catch (KeyStoreException e) {
            throw new InvalidValueException("'" + raw + "' is not a key store type this JVM supports; use PKCS12 or JKS");
        }
    }
}
