package dev.oauthagent.agent.config;

import dev.oauthagent.agent.route.HostPattern;
import dev.oauthagent.agent.route.PathPrefix;
import dev.oauthagent.agent.token.auth.key.SigningAlgorithm;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * The parsers of single configuration values.
 *
 * <p>One class with a switch, not a lambda or a class per parser: the configuration is loaded in premain,
 * before the application's main. There, each lambda costs a class spun at run time plus the java.lang.invoke
 * bootstrapping behind it, and even each small class costs a load from the agent jar (measured: a dozen
 * one-method classes took over 10 ms on a busy 2-core machine). PremainPathBytecodeTest keeps the premain
 * path free of lambdas; see docs/performance.md.
 */
final class ValueParsers<T> implements ValueParser<T> {
    static final ValueParser<Boolean> BOOLEAN = new ValueParsers<>(Kind.BOOLEAN);
    /** The value as written. */
    static final ValueParser<String> TEXT = new ValueParsers<>(Kind.TEXT);
    static final ValueParser<String> LOG_LEVEL = new ValueParsers<>(Kind.LOG_LEVEL);
    static final ValueParser<URI> HTTP_URL = new ValueParsers<>(Kind.HTTP_URL);
    static final ValueParser<URI> PROXY_URL = new ValueParsers<>(Kind.PROXY_URL);
    static final ValueParser<GrantType> GRANT_TYPE = new ValueParsers<>(Kind.GRANT_TYPE);
    static final ValueParser<String> LOOPBACK_REDIRECT = new ValueParsers<>(Kind.LOOPBACK_REDIRECT);
    static final ValueParser<ClientAuthMethod> CLIENT_AUTH = new ValueParsers<>(Kind.CLIENT_AUTH);
    static final ValueParser<FailMode> FAIL_MODE = new ValueParsers<>(Kind.FAIL_MODE);
    /** RS256, PS256 or ES256: what private_key_jwt signs with. */
    static final ValueParser<SigningAlgorithm> SIGNING_ALGORITHM = new ValueParsers<>(Kind.SIGNING_ALGORITHM);
    static final ValueParser<AssertionAudience> ASSERTION_AUDIENCE = new ValueParsers<>(Kind.ASSERTION_AUDIENCE);
    /** Separated by white space or commas, duplicates dropped; each an RFC 6749 §3.3 scope-token. */
    static final ValueParser<List<String>> SCOPES = new ValueParsers<>(Kind.SCOPES);
    static final ValueParser<List<String>> RESOURCES = new ValueParsers<>(Kind.RESOURCES);
    static final ValueParser<Duration> DURATION = new ValueParsers<>(Kind.DURATION);
    /** Zero would mean "wait forever" to the JDK's HTTP clients, or an already expired token. */
    static final ValueParser<Duration> POSITIVE_DURATION = new ValueParsers<>(Kind.POSITIVE_DURATION);
    static final ValueParser<Path> READABLE_FILE = new ValueParsers<>(Kind.READABLE_FILE);
    /** A readable regular file holding a private key or a keystore. */
    static final ValueParser<Path> KEY_FILE = new ValueParsers<>(Kind.KEY_FILE);
    static final ValueParser<String> KEY_STORE_TYPE = new ValueParsers<>(Kind.KEY_STORE_TYPE);
    /** An absolute path of a file that need not exist, in a directory that does. */
    static final ValueParser<Path> TOKEN_STORE_PATH = new ValueParsers<>(Kind.TOKEN_STORE_PATH);
    /** One entry of a host list; the message of an invalid one comes from {@link HostPattern#parse}. */
    static final ValueParser<HostPattern> HOST_PATTERN = new ValueParsers<>(Kind.HOST_PATTERN);
    /** One entry of a path list; the message of an invalid one comes from {@link PathPrefix#parse}. */
    static final ValueParser<PathPrefix> PATH_PREFIX = new ValueParsers<>(Kind.PATH_PREFIX);

    private enum Kind {
        BOOLEAN, TEXT, LOG_LEVEL, HTTP_URL, PROXY_URL, GRANT_TYPE, CLIENT_AUTH, FAIL_MODE, SCOPES, RESOURCES, DURATION,
        POSITIVE_DURATION, READABLE_FILE, KEY_STORE_TYPE, TOKEN_STORE_PATH, HOST_PATTERN, PATH_PREFIX, LOOPBACK_REDIRECT,
        SIGNING_ALGORITHM, ASSERTION_AUDIENCE, KEY_FILE
    }

    private final Kind kind;

    private ValueParsers(Kind kind) {
        this.kind = kind;
    }

    @Override
    @SuppressWarnings("unchecked") // each constant above pairs its type with the kind that returns that type
    public T parse(String raw) throws InvalidValueException {
        return (T) parseAs(kind, raw);
    }

    private static Object parseAs(Kind kind, String raw) throws InvalidValueException {
        switch (kind) {
            case BOOLEAN:
                return TextValues.parseBoolean(raw);
            case TEXT:
                return raw;
            case LOG_LEVEL:
                return TextValues.choice(raw, ConfigLoader.LOG_LEVELS);
            case HTTP_URL:
                return UriRules.httpUrl(raw);
            case PROXY_URL:
                return UriRules.proxyUrl(raw);
            case GRANT_TYPE:
                return grantType(raw);
            case LOOPBACK_REDIRECT:
                return UriRules.loopbackRedirect(raw);
            case CLIENT_AUTH:
                return clientAuth(raw);
            case FAIL_MODE:
                return failMode(raw);
            case SIGNING_ALGORITHM:
                return signingAlgorithm(raw);
            case ASSERTION_AUDIENCE:
                return AssertionAudience.fromConfigValue(TextValues.choice(raw,
                        java.util.Arrays.asList("token-endpoint", "issuer")));
            case SCOPES:
                return scopes(raw);
            case RESOURCES:
                return resources(raw);
            case DURATION:
                return DurationParser.parse(raw);
            case POSITIVE_DURATION:
                return positiveDuration(raw);
            case READABLE_FILE:
                return readableFile(raw, "the trust store file");
            case KEY_FILE:
                return readableFile(raw, "the key or keystore file");
            case KEY_STORE_TYPE:
                return keyStoreType(raw);
            case TOKEN_STORE_PATH:
                return tokenStorePath(raw);
            case HOST_PATTERN:
                try {
                    return HostPattern.parse(raw);
                } catch (IllegalArgumentException e) {
                    throw new InvalidValueException(e.getMessage());
                }
            case PATH_PREFIX:
                try {
                    return PathPrefix.parse(raw);
                } catch (IllegalArgumentException e) {
                    throw new InvalidValueException(e.getMessage());
                }
            default:
                throw new AssertionError(kind);
        }
    }

    private static GrantType grantType(String raw) throws InvalidValueException {
        String value = raw.trim().toLowerCase(Locale.ROOT);
        GrantType g = GrantType.fromConfigValue(value);
        if (value.equals("password")) {
            throw new InvalidValueException("'" + raw + "' (the resource-owner password grant) is not supported: it "
                    + "hands the user's password to the program, which OAuth's security best practice (RFC 9700) "
                    + "forbids; use device_code or authorization_code");
        }
        if (g == null) {
            throw new InvalidValueException("'" + raw + "' is not a known grant type; use client_credentials, "
                    + "device_code, authorization_code or refresh_token");
        }
        return g;
    }

    private static ClientAuthMethod clientAuth(String raw) throws InvalidValueException {
        List<String> accepted = new ArrayList<>();
        for (ClientAuthMethod m : ClientAuthMethod.values()) {
            if (m.configurable()) {
                accepted.add(m.configName());
            }
        }
        return ClientAuthMethod.fromConfigValue(TextValues.choice(raw, accepted));
    }

    private static SigningAlgorithm signingAlgorithm(String raw) throws InvalidValueException {
        SigningAlgorithm algorithm = SigningAlgorithm.forPrivateKey(raw);
        if (algorithm == null) {
            throw new InvalidValueException("'" + raw + "' is not an algorithm private_key_jwt signs with; use RS256, "
                    + "PS256 or ES256, or leave it unset to take the one the key implies");
        }
        return algorithm;
    }

    private static FailMode failMode(String raw) throws InvalidValueException {
        List<String> accepted = new ArrayList<>();
        for (FailMode m : FailMode.values()) {
            accepted.add(m.configName());
        }
        return FailMode.fromConfigValue(TextValues.choice(raw, accepted));
    }

    private static List<String> scopes(String raw) throws InvalidValueException {
        List<String> scopes = TextValues.splitOnWhitespaceOrComma(raw);
        for (String scope : scopes) {
            if (!isScopeToken(scope)) {
                throw new InvalidValueException("scope '" + scope + "' contains a character RFC 6749 forbids "
                        + "(\" or \\ or a control character); separate scopes with spaces or commas");
            }
        }
        return new ArrayList<>(new LinkedHashSet<>(scopes));
    }

    /** %x21 / %x23-5B / %x5D-7E: printable ASCII except space, {@code "} and {@code \}. */
    private static boolean isScopeToken(String scope) {
        if (scope.isEmpty()) {
            return false;
        }
        for (int i = 0; i < scope.length(); i++) {
            char c = scope.charAt(i);
            if (c < 0x21 || c > 0x7E || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    private static List<String> resources(String raw) throws InvalidValueException {
        List<String> entries = TextValues.splitOnCommas(raw);
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

    private static Duration positiveDuration(String raw) throws InvalidValueException {
        Duration d = DurationParser.parse(raw);
        if (d.isZero()) {
            throw new InvalidValueException("'" + raw + "' is zero; use a positive duration, e.g. 5s");
        }
        return d;
    }

    private static Path path(String raw) throws InvalidValueException {
        try {
            return Paths.get(raw);
        } catch (InvalidPathException e) {
            throw new InvalidValueException("'" + raw + "' is not a valid path");
        }
    }

    private static Path readableFile(String raw, String what) throws InvalidValueException {
        Path path = path(raw);
        String where = PropertiesFileSource.describe(path);
        if (!Files.exists(path)) {
            throw new InvalidValueException("file " + where + " does not exist; fix the path");
        }
        if (!Files.isRegularFile(path)) {
            throw new InvalidValueException(where + " is not a regular file; point it at " + what);
        }
        if (!Files.isReadable(path)) {
            throw new InvalidValueException("file " + where + " is not readable (permission denied); grant read "
                    + "access to the JVM's user");
        }
        return path;
    }

    /**
     * Absolute, because the application and {@code java -jar oauth-agent.jar login} run from different
     * directories and must find the same file. The file may not exist yet; its directory must.
     */
    private static Path tokenStorePath(String raw) throws InvalidValueException {
        Path path = path(raw);
        if (!path.isAbsolute()) {
            throw new InvalidValueException("'" + raw + "' is a relative path; write it absolute, so that the "
                    + "application and java -jar oauth-agent.jar login find the same file");
        }
        Path directory = path.getParent();
        if (directory == null || path.getFileName() == null) {
            throw new InvalidValueException("'" + raw + "' names no file; name the store's file, e.g. "
                    + "/var/lib/oauth-agent/<client>.tokens");
        }
        if (Files.isDirectory(path)) {
            throw new InvalidValueException(raw + " is a directory; name a file in it, e.g. "
                    + path.resolve("tokens"));
        }
        if (!Files.exists(directory)) {
            throw new InvalidValueException("directory " + directory + " does not exist; create it for the "
                    + "application's user only (mkdir -m 700 " + directory + ")");
        }
        if (!Files.isDirectory(directory)) {
            throw new InvalidValueException(directory + " is not a directory; fix the path");
        }
        return path;
    }

    private static String keyStoreType(String raw) throws InvalidValueException {
        try {
            KeyStore.getInstance(raw);
            return raw;
        } catch (KeyStoreException e) {
            throw new InvalidValueException("'" + raw + "' is not a key store type this JVM supports; use PKCS12 "
                    + "or JKS");
        }
    }
}
