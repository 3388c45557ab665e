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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * The parsers of single configuration values, one small named class each.
 *
 * <p>Classes, not lambdas or method references: the configuration is loaded in premain, before the
 * application's main, and every lambda there costs a class spun at run time plus the java.lang.invoke
 * bootstrapping behind it (tens of milliseconds of start-up for the configuration code alone). A unit test
 * (PremainPathBytecodeTest) keeps the premain path free of them; see docs/performance.md.
 */
final class ValueParsers {
    static final ValueParser<Boolean> BOOLEAN = new BooleanParser();
    static final ValueParser<String> TEXT = new TextParser();
    static final ValueParser<URI> HTTP_URL = new HttpUrlParser();
    static final ValueParser<GrantType> GRANT_TYPE = new GrantTypeParser();
    static final ValueParser<ClientAuthMethod> CLIENT_AUTH = new ClientAuthParser();
    static final ValueParser<FailMode> FAIL_MODE = new FailModeParser();
    static final ValueParser<List<String>> SCOPES = new ScopesParser();
    static final ValueParser<List<String>> RESOURCES = new ResourcesParser();
    static final ValueParser<Duration> DURATION = new DurationValueParser();
    static final ValueParser<Duration> POSITIVE_DURATION = new PositiveDurationParser();
    static final ValueParser<Path> READABLE_FILE = new ReadableFileParser();
    static final ValueParser<String> KEY_STORE_TYPE = new KeyStoreTypeParser();

    private ValueParsers() {
    }

    /** One of the accepted values, lower-cased. */
    static ValueParser<String> choice(List<String> accepted) {
        return new ChoiceParser(accepted);
    }

    private static final class BooleanParser implements ValueParser<Boolean> {
        @Override
        public Boolean parse(String raw) throws InvalidValueException {
            return TextValues.parseBoolean(raw);
        }
    }

    /** The value as written. */
    private static final class TextParser implements ValueParser<String> {
        @Override
        public String parse(String raw) {
            return raw;
        }
    }

    private static final class ChoiceParser implements ValueParser<String> {
        private final List<String> accepted;

        ChoiceParser(List<String> accepted) {
            this.accepted = accepted;
        }

        @Override
        public String parse(String raw) throws InvalidValueException {
            return TextValues.choice(raw, accepted);
        }
    }

    private static final class HttpUrlParser implements ValueParser<URI> {
        @Override
        public URI parse(String raw) throws InvalidValueException {
            return UriRules.httpUrl(raw);
        }
    }

    private static final class GrantTypeParser implements ValueParser<GrantType> {
        @Override
        public GrantType parse(String raw) throws InvalidValueException {
            GrantType g = GrantType.fromConfigValue(raw.trim().toLowerCase(Locale.ROOT));
            if (g == null) {
                throw new InvalidValueException("'" + raw + "' is not a known grant type; use client_credentials");
            }
            if (!g.isImplemented()) {
                throw new InvalidValueException("'" + raw + "' is not implemented yet in this version, use "
                        + "client_credentials");
            }
            return g;
        }
    }

    private static final class ClientAuthParser implements ValueParser<ClientAuthMethod> {
        @Override
        public ClientAuthMethod parse(String raw) throws InvalidValueException {
            List<String> accepted = new ArrayList<>();
            for (ClientAuthMethod m : ClientAuthMethod.values()) {
                accepted.add(m.configName());
            }
            return ClientAuthMethod.fromConfigValue(TextValues.choice(raw, accepted));
        }
    }

    private static final class FailModeParser implements ValueParser<FailMode> {
        @Override
        public FailMode parse(String raw) throws InvalidValueException {
            List<String> accepted = new ArrayList<>();
            for (FailMode m : FailMode.values()) {
                accepted.add(m.configName());
            }
            return FailMode.fromConfigValue(TextValues.choice(raw, accepted));
        }
    }

    /** Separated by white space or commas, duplicates dropped; each an RFC 6749 §3.3 scope-token. */
    private static final class ScopesParser implements ValueParser<List<String>> {
        @Override
        public List<String> parse(String raw) throws InvalidValueException {
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
    }

    private static final class ResourcesParser implements ValueParser<List<String>> {
        @Override
        public List<String> parse(String raw) throws InvalidValueException {
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
    }

    private static final class DurationValueParser implements ValueParser<Duration> {
        @Override
        public Duration parse(String raw) throws InvalidValueException {
            return DurationParser.parse(raw);
        }
    }

    /** Zero would mean "wait forever" to the JDK's HTTP clients, or an already expired token. */
    private static final class PositiveDurationParser implements ValueParser<Duration> {
        @Override
        public Duration parse(String raw) throws InvalidValueException {
            Duration d = DurationParser.parse(raw);
            if (d.isZero()) {
                throw new InvalidValueException("'" + raw + "' is zero; use a positive duration, e.g. 5s");
            }
            return d;
        }
    }

    private static final class ReadableFileParser implements ValueParser<Path> {
        @Override
        public Path parse(String raw) throws InvalidValueException {
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
    }

    private static final class KeyStoreTypeParser implements ValueParser<String> {
        @Override
        public String parse(String raw) throws InvalidValueException {
            try {
                KeyStore.getInstance(raw);
                return raw;
            } catch (KeyStoreException e) {
                throw new InvalidValueException("'" + raw + "' is not a key store type this JVM supports; use PKCS12 "
                        + "or JKS");
            }
        }
    }
}
