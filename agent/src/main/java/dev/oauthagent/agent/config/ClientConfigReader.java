package dev.oauthagent.agent.config;

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
        final ClientRoutes routes;

        Result(ClientConfig config, ClientRoutes routes) {
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
        List<String> hosts = value(KnownKeys.HOSTS, ClientConfigReader::hosts);
        List<String> paths = value(KnownKeys.PATHS, ClientConfigReader::paths);
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

        ClientRoutes routes = new ClientRoutes(name, orElse(hosts, Collections.<String>emptyList()),
                orElse(paths, Collections.singletonList("/")));
        if (problems.size() != problemsBefore) {
            return new Result(null, routes);
        }
        ClientConfig config = ClientConfig.builder(name)
                .tokenUrl(tokenUrl).grantType(grantType).clientId(clientId).clientSecret(clientSecret)
                .clientAuth(clientAuth).scopes(orElse(scopes, Collections.<String>emptyList())).audience(audience)
                .resources(orElse(resources, Collections.<String>emptyList())).hosts(routes.hosts).paths(routes.paths)
                .allowHttp(allowHttp).refreshBefore(refreshBefore).expirySkew(expirySkew).waitTimeout(waitTimeout)
                .failMode(failMode).connectTimeout(connectTimeout).readTimeout(readTimeout)
                .defaultExpiresIn(defaultExpiresIn).truststore(truststore).truststorePassword(truststorePassword)
                .truststoreType(truststoreType).overrideExisting(overrideExisting)
                .build();
        return new Result(config, routes);
    }

    /** The parsed value, the parsed default when unset, or null when unset without default or invalid. */
    private <T> T value(KnownKey key, ValueParser<T> parser) {
        SourcedValue v = settings.get(key.fullKey(name));
        String raw = v == null || v.value.isEmpty() ? key.defaultValue() : v.value;
        if (raw == null) {
            return null;
        }
        if (v != null && !key.referenceAllowed() && containsReference(v.value)) {
            invalid(key, "contains a ${env:...} or ${file:...} reference, which is resolved only in client-id, "
                    + "client-secret and truststore-password; write the value itself");
            return null;
        }
        try {
            return parser.parse(raw);
        } catch (InvalidValueException e) {
            invalid(key, e.getMessage());
            return null;
        }
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

    private static List<String> hosts(String raw) throws InvalidValueException {
        LinkedHashSet<String> hosts = new LinkedHashSet<>();
        for (String entry : TextValues.split(raw, LIST_SEPARATOR)) {
            hosts.add(HostPatterns.normalize(entry));
        }
        return new ArrayList<>(hosts);
    }

    private static List<String> paths(String raw) throws InvalidValueException {
        LinkedHashSet<String> paths = new LinkedHashSet<>();
        for (String path : TextValues.split(raw, LIST_SEPARATOR)) {
            if (!path.startsWith("/")) {
                throw new InvalidValueException("path prefix '" + path + "' must start with '/', e.g. /api/");
            }
            if (path.contains("?") || path.contains("#") || path.matches(".*\\s.*")) {
                throw new InvalidValueException("path prefix '" + path + "' may not contain '?', '#' or spaces; "
                        + "write only the path, e.g. /api/");
            }
            paths.add(path);
        }
        if (paths.isEmpty()) {
            throw new InvalidValueException("lists no path prefix; use / for all paths");
        }
        return new ArrayList<>(paths);
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
