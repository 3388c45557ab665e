package dev.oauthagent.agent.token;

/**
 * RFC 6750 §2.1 b64token syntax, {@code 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}: what
 * may follow "Bearer " in an Authorization header. A token with CR or LF would let the server inject headers
 * into every request we decorate; a space would split the header. Such a token is refused, never repaired.
 */
final class BearerTokenSyntax {
    private BearerTokenSyntax() {
    }

    /** Null when valid; otherwise what is wrong, without quoting the token. */
    static String problem(String token) {
        int i = 0;
        while (i < token.length() && isTokenChar(token.charAt(i))) {
            i++;
        }
        if (i == 0) {
            return token.isEmpty() || token.charAt(0) != '=' ? describe(token.charAt(0))
                    : "it starts with '='";
        }
        while (i < token.length() && token.charAt(i) == '=') {
            i++;
        }
        if (i == token.length()) {
            return null;
        }
        char c = token.charAt(i);
        return isTokenChar(c) ? "'=' appears before its end" : describe(c);
    }

    private static boolean isTokenChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }

    // Names the kind of character, not the token text around it.
    private static String describe(char c) {
        if (c == '\r' || c == '\n') {
            return "it contains a line break (CR or LF)";
        }
        if (c == ' ' || c == '\t') {
            return "it contains whitespace";
        }
        if (c < 0x20 || c == 0x7f) {
            return "it contains a control character";
        }
        if (c > 0x7e) {
            return "it contains a non-ASCII character";
        }
        return "it contains the character '" + c + "'";
    }
}
