package dev.oauthagent.agent.token.auth;

/**
 * Writes one flat JSON object of strings and numbers: all a JWS header or a client assertion's claims need
 * (RFC 8259 escaping of quotes, backslashes and control characters).
 */
final class JsonObjectWriter {
    private final StringBuilder json = new StringBuilder(256).append('{');

    JsonObjectWriter put(String name, String value) {
        name(name);
        string(value);
        return this;
    }

    JsonObjectWriter put(String name, long value) {
        name(name);
        json.append(value);
        return this;
    }

    private void name(String name) {
        if (json.length() > 1) {
            json.append(',');
        }
        string(name);
        json.append(':');
    }

    private void string(String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        json.append('"');
    }

    @Override
    public String toString() {
        return json.toString() + '}';
    }
}
