package dev.oauthagent.agent.config;

import java.util.Locale;

/** Spelling of keys: full {@code oauth.agent.*} form, environment-variable form, client names. */
final class KeyNames {
    static final String PREFIX = "oauth.agent.";
    static final String CLIENTS_PREFIX = PREFIX + "clients.";
    static final String ENV_PREFIX = "OAUTH_AGENT_";
    static final String ENV_CLIENTS_PREFIX = ENV_PREFIX + "CLIENTS_";


    private KeyNames() {
    }

    static String clientKey(String clientName, String key) {
        return CLIENTS_PREFIX + clientName + "." + key;
    }

    /** {@code oauth.agent.clients.billing.client-id} becomes {@code OAUTH_AGENT_CLIENTS_BILLING_CLIENT_ID}. */
    static String envName(String fullKey) {
        return envForm(fullKey);
    }

    /** Upper case, with {@code .} and {@code -} turned into {@code _}. */
    static String envForm(String text) {
        return text.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The reference to suggest in a message: {@code ${env:BILLING_CLIENT_SECRET}} for billing's client-secret. */
    static String envReferenceExample(String clientName, String keyName) {
        return "${env:" + envForm(clientName + "_" + keyName) + "}";
    }

    /** A {@code ${file:...}} reference to show in a message: {@code ${file:/run/secrets/billing-client-secret}}. */
    static String fileReferenceExample(String clientName, String keyName) {
        return "${file:/run/secrets/" + clientName + "-" + keyName + "}";
    }

    /** Lower-case letters, digits, {@code -} and {@code _}; a loop, not a regular expression, as it runs in premain. */
    static boolean isValidClientName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (!isNameChar(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
    }

    /** The closest valid client name, to show in the fix for an invalid one ("Billing App" -> "billing-app"). */
    static String suggestClientName(String name) {
        // Only for an invalid name, so the regular expressions cost nothing on a valid configuration.
        String lower = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-");
        String trimmed = lower.replaceAll("^-+|-+$", "");
        return trimmed.isEmpty() ? "my-client" : trimmed;
    }

    static String invalidClientNameMessage(String name) {
        return "client name '" + name + "' may contain only lower-case letters, digits, '-' and '_'; rename it, "
                + "e.g. to '" + suggestClientName(name) + "'";
    }

    /** Classifies a full {@code oauth.agent.*} key. */
    static ParsedKey parse(String fullKey) {
        if (!fullKey.startsWith(PREFIX)) {
            return ParsedKey.unknown();
        }
        if (fullKey.startsWith(CLIENTS_PREFIX)) {
            String rest = fullKey.substring(CLIENTS_PREFIX.length());
            int dot = rest.indexOf('.');
            if (dot <= 0) {
                return ParsedKey.unknown();
            }
            String clientName = rest.substring(0, dot);
            KnownKey key = KnownKeys.client(rest.substring(dot + 1));
            if (key == null) {
                return ParsedKey.unknown();
            }
            return isValidClientName(clientName) ? ParsedKey.client(clientName, key)
                    : ParsedKey.invalidClientName(clientName, key);
        }
        KnownKey key = KnownKeys.global(fullKey.substring(PREFIX.length()));
        return key == null ? ParsedKey.unknown() : ParsedKey.global(key);
    }

    /** Best-effort client name of a client-shaped key, also when the key part is unknown; null if none. */
    static String clientNameOf(String fullKey) {
        if (!fullKey.startsWith(CLIENTS_PREFIX)) {
            return null;
        }
        String rest = fullKey.substring(CLIENTS_PREFIX.length());
        int dot = rest.indexOf('.');
        return dot > 0 && isValidClientName(rest.substring(0, dot)) ? rest.substring(0, dot) : null;
    }

    /** A full key split into its parts. */
    static final class ParsedKey {
        enum Kind { GLOBAL, CLIENT, INVALID_CLIENT_NAME, UNKNOWN }

        final Kind kind;
        final KnownKey key;
        final String clientName;

        private ParsedKey(Kind kind, KnownKey key, String clientName) {
            this.kind = kind;
            this.key = key;
            this.clientName = clientName;
        }

        static ParsedKey global(KnownKey key) {
            return new ParsedKey(Kind.GLOBAL, key, null);
        }

        static ParsedKey client(String clientName, KnownKey key) {
            return new ParsedKey(Kind.CLIENT, key, clientName);
        }

        static ParsedKey invalidClientName(String clientName, KnownKey key) {
            return new ParsedKey(Kind.INVALID_CLIENT_NAME, key, clientName);
        }

        static ParsedKey unknown() {
            return new ParsedKey(Kind.UNKNOWN, null, null);
        }
    }
}
