package dev.oauthagent.agent.scrub;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The fallback for credentials the agent never saw (the application's own tokens, another client's
 * secret): hand-written scanners, one forward pass, no regular expressions and no backtracking, so a hostile
 * line costs linear time. Runs only when the keyword pre-filter ({@link #KEYWORDS}) found a keyword.
 *
 * <p>What is found, keeping the part that tells a reader what was there:
 * <ul>
 * <li>{@code Authorization: <scheme> <credential>} in header, JSON ({@code "Authorization":"Bearer x"}) and map
 * ({@code Authorization=[Bearer x]}) forms: the credential, whatever it looks like;</li>
 * <li>{@code Bearer|DPoP <credential>} anywhere: a token68 credential of at least 16 characters with a digit, or of
 * 32 or more ("bearer of bad news" and "Bearer authentication" stay);
 * {@code Basic <credential>}: base64 that decodes to something with a colon;</li>
 * <li>a JWT: {@code eyJ} + base64url (16+ characters) {@code .} base64url (8+) and optional further segments;</li>
 * <li>values of {@code access_token}, {@code refresh_token}, {@code id_token}, {@code client_secret},
 * {@code client_assertion} and {@code assertion} in {@code key=value}, {@code key: value}, {@code "key":"value"},
 * {@code "key" : "value"}, {@code 'key': 'value'} and escaped-JSON {@code \"key\":\"value\"} forms
 * ({@code null}, {@code true} and {@code false} stay).</li>
 * </ul>
 *
 * <p>For a text that may continue (a stream between writes), a scanner that reaches the end before it can
 * decide reports where it started through {@link Findings#openFrom(int)} instead of a finding.
 */
final class CredentialPatterns {
    /** Lower case; the pre-filter matches them ignoring case. A partial keyword at the end of a stream is held back. */
    static final List<String> KEYWORDS = Collections.unmodifiableList(Arrays.asList(
            "authorization", "bearer", "basic", "dpop", "eyj", "access_token", "refresh_token", "id_token",
            "client_secret", "client_assertion", "assertion"));

    static final int BEARER_MIN_LENGTH = 16;
    static final int BEARER_ANY_CHARS_LENGTH = 32;
    static final int JWT_MIN_HEADER = 16;
    static final int JWT_MIN_PAYLOAD = 8;
    private static final int JWT_MAX_SEGMENTS = 5;

    private static final String[] KEYS_A = {"access_token", "assertion"};
    private static final String[] KEYS_C = {"client_secret", "client_assertion"};
    private static final String[] KEYS_R = {"refresh_token"};
    private static final String[] KEYS_I = {"id_token"};

    private static final int UNQUOTED = 0;
    private static final int DOUBLE = 1;
    private static final int SINGLE = 2;
    /** {@code \"}: JSON inside a JSON string, as a log line often holds. */
    private static final int ESCAPED_DOUBLE = 3;

    private final Text t;
    private final int n;
    private final boolean complete;
    private final String redactedStem;
    private final Findings out = new Findings();

    private CredentialPatterns(Text text, boolean complete, String redactedStem) {
        this.t = text;
        this.n = text.length();
        this.complete = complete;
        this.redactedStem = redactedStem;
    }

    /**
     * @param from         where to start (the pre-filter's first keyword)
     * @param complete     false when the text may continue (a stream); then open matches are reported as open
     * @param redactedStem the start of our own replacement: a value that is already redacted is left as it is
     */
    static Findings find(Text text, int from, boolean complete, String redactedStem) {
        CredentialPatterns p = new CredentialPatterns(text, complete, redactedStem);
        p.scan(from);
        return p.out;
    }

    private void scan(int from) {
        int i = from;
        while (i < n) {
            i = Math.max(i + 1, at(i));
        }
    }

    /** Tries every scanner that may start at i; returns where to continue. */
    private int at(int i) {
        int c = t.charAt(i);
        if (!isLetter(c) || (i > 0 && isAlphanumeric(t.charAt(i - 1)))) {
            return i + 1;
        }
        switch (c | 0x20) {
            case 'a':
                if (keyword(i, "authorization")) {
                    return authorization(i);
                }
                return keyValue(i, KEYS_A);
            case 'b':
                if (keyword(i, "bearer")) {
                    return scheme(i, 6, false);
                }
                return keyword(i, "basic") ? scheme(i, 5, true) : i + 1;
            case 'd':
                return keyword(i, "dpop") ? scheme(i, 4, false) : i + 1;
            case 'e':
                boolean jwtStart = c == 'e' && i + 2 < n && t.charAt(i + 1) == 'y' && t.charAt(i + 2) == 'J'
                        && (i == 0 || !isBase64Url(t.charAt(i - 1)));
                return jwtStart ? jwt(i) : i + 1;
            case 'c':
                return keyValue(i, KEYS_C);
            case 'r':
                return keyValue(i, KEYS_R);
            case 'i':
                return keyValue(i, KEYS_I);
            default:
                return i + 1;
        }
    }

    // --- scanners: each returns where the scan continues; at the end of an incomplete text, open(start) ---

    private int authorization(int i) {
        int p = afterKey(i + "authorization".length());
        if (p < 0) {
            return p == OPEN ? open(i) : i + 1;
        }
        if (p < n && t.charAt(p) == '[') { // Map.toString of a header map: Authorization=[Bearer x]
            p++;
        }
        int quote = quoteAt(p);
        p += quoteLength(quote);
        int word = p;
        while (word < n && isLetter(t.charAt(word))) {
            word++;
        }
        if (word >= n && !complete) {
            return open(i);
        }
        if (word > p && word < n && t.charAt(word) == ' ') {
            int start = skipSpaces(word);
            int end = valueEnd(start, quote);
            if (end < 0) {
                return open(i);
            }
            // A known scheme marks what follows as a credential whatever it looks like; after any other word
            // ("Authorization: required for /api") only something token-like is.
            return isKnownScheme(p, word) || looksLikeToken(start, end) ? redact(start, end) : Math.max(end, i + 1);
        }
        int end = valueEnd(p, quote);
        if (end < 0) {
            return open(i);
        }
        return looksLikeToken(p, end) ? redact(p, end) : Math.max(end, i + 1);
    }

    private boolean isKnownScheme(int start, int end) {
        return isWord(start, end, "bearer") || isWord(start, end, "basic") || isWord(start, end, "dpop")
                || isWord(start, end, "token");
    }

    private int scheme(int i, int length, boolean basic) {
        int p = i + length;
        if (p >= n) {
            return complete ? p : open(i);
        }
        if (t.charAt(p) != ' ') {
            return i + 1;
        }
        int start = skipSpaces(p);
        int end = token68End(start);
        if (end >= n && !complete) {
            return open(i);
        }
        boolean credential = basic ? isBasicCredential(start, end) : looksLikeToken(start, end);
        return credential ? redact(start, end) : Math.max(end, i + 1);
    }

    private int jwt(int i) {
        int header = base64UrlEnd(i);
        if (header >= n) {
            return complete ? header : open(i);
        }
        if (header - i < JWT_MIN_HEADER || t.charAt(header) != '.') {
            return header; // nothing in this run can start a JWT either: skipping it keeps the scan linear
        }
        int payload = base64UrlEnd(header + 1);
        if (payload >= n) {
            return complete ? payload : open(i);
        }
        if (payload - header - 1 < JWT_MIN_PAYLOAD) {
            return payload;
        }
        int end = payload;
        for (int segments = 2; segments < JWT_MAX_SEGMENTS && end < n && t.charAt(end) == '.'; segments++) {
            end = base64UrlEnd(end + 1);
        }
        if (end >= n && !complete) {
            return open(i);
        }
        out.add(i, end, Findings.PATTERN);
        return end;
    }

    private int keyValue(int i, String[] keys) {
        for (String key : keys) {
            if (keyword(i, key)) {
                return keyValue(i, key.length());
            }
        }
        // A key cut off by the end of a stream's buffer is held back by the pre-filter, not here.
        return i + 1;
    }

    private int keyValue(int i, int keyLength) {
        int p = i + keyLength;
        if (p < n && isWordChar(t.charAt(p))) {
            return i + 1; // access_token_type, assertions
        }
        p = afterKey(p);
        if (p < 0) {
            return p == OPEN ? open(i) : i + 1;
        }
        int quote = quoteAt(p);
        int start = p + quoteLength(quote);
        int end = valueEnd(start, quote);
        if (end < 0) {
            return open(i);
        }
        if (end == start || (quote == UNQUOTED && isJsonLiteral(start, end))) {
            return Math.max(end, i + 1);
        }
        return redact(start, end);
    }

    private static final int OPEN = -1;
    private static final int NO_MATCH = -2;

    /**
     * After a key: its closing quote if any, spaces, {@code :} or {@code =}, spaces. The position of the value,
     * OPEN when the text ends first, NO_MATCH when no separator follows.
     */
    private int afterKey(int p) {
        if (p < n && (t.charAt(p) == '"' || t.charAt(p) == '\'')) {
            p++;
        } else if (p + 1 < n && t.charAt(p) == '\\' && t.charAt(p + 1) == '"') {
            p += 2;
        }
        p = skipSpaces(p);
        if (p >= n) {
            return complete ? NO_MATCH : OPEN;
        }
        int sep = t.charAt(p);
        if (sep != ':' && sep != '=') {
            return NO_MATCH;
        }
        p = skipSpaces(p + 1);
        return p >= n ? (complete ? NO_MATCH : OPEN) : p;
    }

    /**
     * The end of a value starting at p: the closing quote of a quoted one (a backslash escapes the next
     * character), the first delimiter of an unquoted one. -1 when the text ends first and may continue; an
     * unterminated quoted value in a complete text runs to the end (redacting too much beats leaking).
     */
    private int valueEnd(int p, int quote) {
        while (p < n) {
            int c = t.charAt(p);
            if (quote == UNQUOTED) {
                if (isDelimiter(c)) {
                    return p;
                }
            } else if (c == '\\') {
                if (quote == ESCAPED_DOUBLE && p + 1 < n && t.charAt(p + 1) == '"') {
                    return p;
                }
                p++;
            } else if ((quote == DOUBLE && c == '"') || (quote == SINGLE && c == '\'')) {
                return p;
            }
            p++;
        }
        return complete ? n : -1;
    }

    private int quoteAt(int p) {
        if (p >= n) {
            return UNQUOTED;
        }
        int c = t.charAt(p);
        if (c == '"') {
            return DOUBLE;
        }
        if (c == '\'') {
            return SINGLE;
        }
        return c == '\\' && p + 1 < n && t.charAt(p + 1) == '"' ? ESCAPED_DOUBLE : UNQUOTED;
    }

    private static int quoteLength(int quote) {
        return quote == UNQUOTED ? 0 : quote == ESCAPED_DOUBLE ? 2 : 1;
    }

    private int redact(int start, int end) {
        if (end > start && !startsWithStem(start, end)) {
            out.add(start, end, Findings.PATTERN);
        }
        return end;
    }

    private int open(int start) {
        out.openFrom(start);
        return n;
    }

    // --- character classes and small checks ---

    private boolean keyword(int i, String lowerCase) {
        if (i + lowerCase.length() > n) {
            return false;
        }
        for (int k = 0; k < lowerCase.length(); k++) {
            int c = t.charAt(i + k);
            if (c >= 'A' && c <= 'Z') {
                c += 32;
            }
            if (c != lowerCase.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private boolean startsWithStem(int start, int end) {
        int length = redactedStem.length();
        if (length == 0 || end - start < length) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            if (t.charAt(start + k) != redactedStem.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** A bearer-like credential, not a word: 16+ characters with a digit, or 32+. */
    private boolean looksLikeToken(int start, int end) {
        int length = end - start;
        if (length < BEARER_MIN_LENGTH) {
            return false;
        }
        if (length >= BEARER_ANY_CHARS_LENGTH) {
            return true;
        }
        for (int p = start; p < end; p++) {
            int c = t.charAt(p);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    /** Base64 (length a multiple of 4) that decodes to text containing a colon: {@code user:password}. */
    private boolean isBasicCredential(int start, int end) {
        int length = end - start;
        if (length < 8 || length % 4 != 0) {
            return false;
        }
        int bits = 0;
        int buffered = 0;
        for (int p = start; p < end; p++) {
            int v = base64Value(t.charAt(p));
            if (v < 0) {
                return false; // padding or a URL-safe character: not a Basic credential
            }
            bits = (bits << 6) | v;
            buffered += 6;
            if (buffered >= 8) {
                buffered -= 8;
                if (((bits >> buffered) & 0xff) == ':') {
                    return true;
                }
            }
        }
        return false;
    }

    private static int base64Value(int c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '+' ? 62 : c == '/' ? 63 : -1;
    }

    private boolean isJsonLiteral(int start, int end) {
        return isWord(start, end, "null") || isWord(start, end, "true") || isWord(start, end, "false");
    }

    private boolean isWord(int start, int end, String word) {
        return end - start == word.length() && keyword(start, word);
    }

    private int skipSpaces(int p) {
        while (p < n && (t.charAt(p) == ' ' || t.charAt(p) == '\t')) {
            p++;
        }
        return p;
    }

    /** RFC 7235 token68: letters, digits, {@code -._~+/}, then {@code =} padding. */
    private int token68End(int p) {
        while (p < n && (isBase64Url(t.charAt(p)) || isToken68Extra(t.charAt(p)))) {
            p++;
        }
        while (p < n && t.charAt(p) == '=') {
            p++;
        }
        return p;
    }

    private int base64UrlEnd(int p) {
        while (p < n && isBase64Url(t.charAt(p))) {
            p++;
        }
        return p;
    }

    private static boolean isToken68Extra(int c) {
        return c == '.' || c == '~' || c == '+' || c == '/';
    }

    private static boolean isBase64Url(int c) {
        return isAlphanumeric(c) || c == '-' || c == '_';
    }

    private static boolean isWordChar(int c) {
        return isAlphanumeric(c) || c == '_';
    }

    private static boolean isLetter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAlphanumeric(int c) {
        return isLetter(c) || (c >= '0' && c <= '9');
    }

    /** Ends an unquoted value: white space, quotes, and what separates values in queries, lists and markup. */
    private static boolean isDelimiter(int c) {
        return c <= ' ' || c == '"' || c == '\'' || c == ',' || c == ';' || c == '&' || c == '<' || c == '>'
                || c == ')' || c == ']' || c == '}' || c == '\\' || c == 127;
    }
}
