package dev.oauthagent.agent.scrub;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The shapes a secret takes when a program writes it somewhere: as it is, percent-encoded (a URL or form
 * body, with upper- or lower-case hex, {@code +} or {@code %20} for a space), JSON-escaped (plain, with
 * {@code \/} for {@code /}, or with {@code \u003d}-style escapes in either hex case: of {@code < > & = '} as
 * Gson's HTML-safe default writes, or of {@code = + / < > & '} as stricter encoders do), XML-escaped
 * ({@code &amp;} and friends, as java.util.logging's XMLFormatter and XML layouts write). Duplicates are
 * dropped, so a token made of base64url characters yields one form.
 */
final class SecretForms {
    private static final char[] UPPER_HEX = "0123456789ABCDEF".toCharArray();
    private static final char[] LOWER_HEX = "0123456789abcdef".toCharArray();
    private static final String JSON_UNICODE_ESCAPED = "=+/<>&'";
    /** What Gson escapes by default (HTML-safe): not {@code +} or {@code /}. */
    private static final String GSON_UNICODE_ESCAPED = "<>&='";

    private SecretForms() {
    }

    static List<String> of(String secret) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(secret);
        forms.add(percentEncoded(secret, UPPER_HEX, false));
        forms.add(percentEncoded(secret, LOWER_HEX, false));
        forms.add(percentEncoded(secret, UPPER_HEX, true));
        forms.add(percentEncoded(secret, LOWER_HEX, true));
        forms.add(jsonEscaped(secret, false, null, JSON_UNICODE_ESCAPED));
        forms.add(jsonEscaped(secret, true, null, JSON_UNICODE_ESCAPED));
        forms.add(jsonEscaped(secret, false, LOWER_HEX, JSON_UNICODE_ESCAPED));
        forms.add(jsonEscaped(secret, false, UPPER_HEX, JSON_UNICODE_ESCAPED));
        forms.add(jsonEscaped(secret, false, LOWER_HEX, GSON_UNICODE_ESCAPED));
        forms.add(jsonEscaped(secret, false, UPPER_HEX, GSON_UNICODE_ESCAPED));
        forms.add(xmlEscaped(secret));
        return new ArrayList<>(forms);
    }

    /**
     * The value of {@code Authorization: Basic} for this client: base64 of {@code id:secret}, each
     * form-encoded first as RFC 6749 §2.3.1 asks (what the agent sends), and of the raw pair (what many
     * programs send).
     */
    static List<String> basicCredentials(String clientId, String secret) {
        Set<String> values = new LinkedHashSet<>();
        values.add(base64(percentEncoded(clientId, UPPER_HEX, true) + ":" + percentEncoded(secret, UPPER_HEX, true)));
        values.add(base64(clientId + ":" + secret));
        return new ArrayList<>(values);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * RFC 3986 (unreserved characters kept) or, with {@code form}, application/x-www-form-urlencoded as
     * {@code URLEncoder} writes it ({@code *} kept, {@code ~} encoded, space as {@code +}).
     */
    static String percentEncoded(String text, char[] hex, boolean form) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (isAlphanumeric(c) || c == '-' || c == '.' || c == '_' || (form ? c == '*' : c == '~')) {
                out.append((char) c);
            } else if (form && c == ' ') {
                out.append('+');
            } else {
                out.append('%').append(hex[c >> 4]).append(hex[c & 0xf]);
            }
        }
        return out.toString();
    }

    /**
     * @param slash      write {@code /} as {@code \/}
     * @param unicodeHex when not null, write the characters of {@code unicodeEscaped} as {@code \}{@code u00XX}
     *                   in this hex case
     */
    static String jsonEscaped(String text, boolean slash, char[] unicodeHex, String unicodeEscaped) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (unicodeHex != null && unicodeEscaped.indexOf(c) >= 0) {
                appendUnicodeEscape(out, c, unicodeHex);
            } else if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c == '/' && slash) {
                out.append("\\/");
            } else if (c < ' ') {
                appendUnicodeEscape(out, c, unicodeHex == null ? LOWER_HEX : unicodeHex);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The five predefined XML entities; every XML writer escapes at least {@code & <} this way. */
    static String xmlEscaped(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&': out.append("&amp;"); break;
                case '<': out.append("&lt;"); break;
                case '>': out.append("&gt;"); break;
                case '"': out.append("&quot;"); break;
                case '\'': out.append("&apos;"); break;
                default: out.append(c);
            }
        }
        return out.toString();
    }

    private static void appendUnicodeEscape(StringBuilder out, char c, char[] hex) {
        out.append("\\u").append(hex[(c >> 12) & 0xf]).append(hex[(c >> 8) & 0xf]).append(hex[(c >> 4) & 0xf])
                .append(hex[c & 0xf]);
    }

    private static boolean isAlphanumeric(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
