package dev.oauthagent.agent.inject;

/**
 * Reads a {@code WWW-Authenticate} value for RFC 6750's "the token is no good" signal: a Bearer challenge
 * with {@code error="invalid_token"}. Only that error invalidates: {@code insufficient_scope} means a new
 * token would be refused too, and a bare {@code Bearer} challenge (no token, or a server that says nothing)
 * is not proof the token is bad.
 */
final class BearerChallenge {
    private static final String BEARER = "bearer";
    private static final String ERROR = "error";
    private static final String INVALID_TOKEN = "invalid_token";

    private BearerChallenge() {
    }

    static boolean saysInvalidToken(String wwwAuthenticate) {
        if (wwwAuthenticate == null) {
            return false;
        }
        Tokens in = new Tokens(wwwAuthenticate);
        boolean inBearer = false;
        while (in.hasMore()) {
            String word = in.nextToken();
            if (word == null) {
                in.skipOne();
                continue;
            }
            if (in.consume('=')) {
                String value = in.nextValue();
                if (value == null) {
                    return false; // an unterminated quoted string: the header is malformed, trust none of it
                }
                if (inBearer && ERROR.equalsIgnoreCase(word) && INVALID_TOKEN.equals(value)) {
                    return true;
                }
            } else {
                // A token not followed by '=' starts a new challenge (auth-scheme), e.g. "Basic realm=x, Bearer ...".
                inBearer = BEARER.equalsIgnoreCase(word);
            }
        }
        return false;
    }

    /** A minimal RFC 9110 §11.6.1 tokenizer: tokens, quoted strings, '=', ',' and whitespace. */
    private static final class Tokens {
        private final String s;
        private int i;

        Tokens(String s) {
            this.s = s;
        }

        boolean hasMore() {
            skipSeparators();
            return i < s.length();
        }

        void skipOne() {
            i++;
        }

        String nextToken() {
            skipSeparators();
            int start = i;
            while (i < s.length() && isTokenChar(s.charAt(i))) {
                i++;
            }
            return i == start ? null : s.substring(start, i);
        }

        boolean consume(char c) {
            int j = i;
            while (j < s.length() && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
                j++;
            }
            if (j < s.length() && s.charAt(j) == c) {
                i = j + 1;
                return true;
            }
            return false;
        }

        /** A token or a quoted string's content; null for an unterminated quoted string. */
        String nextValue() {
            while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                i++;
            }
            if (i < s.length() && s.charAt(i) == '"') {
                StringBuilder out = new StringBuilder();
                i++;
                while (i < s.length() && s.charAt(i) != '"') {
                    char c = s.charAt(i++);
                    if (c == '\\' && i < s.length()) {
                        c = s.charAt(i++);
                    }
                    out.append(c);
                }
                if (i >= s.length()) {
                    return null;
                }
                i++;
                return out.toString();
            }
            String token = nextToken();
            return token == null ? "" : token;
        }

        private void skipSeparators() {
            while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == ',')) {
                i++;
            }
        }

        private static boolean isTokenChar(char c) {
            return c > ' ' && c < 127 && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
        }
    }
}
