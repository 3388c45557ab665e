package dev.oauthagent.testapps.leaky;

import java.io.UnsupportedEncodingException;
import java.net.URLEncoder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lines a careless program logs, each holding a secret in one form, and the clean lines that must reach
 * the log unchanged. Every line starts with a marker ({@code LEAK <name>:} or {@code CLEAN <n>:}) so a test can
 * find each one in any layout. A logging test app logs each of them through its framework in every way the
 * framework offers (message, parameter, exception, MDC, JSON...), then prints {@link #DONE}.
 */
public final class LeakyLines {
    /** The last line every logging test app prints (to stdout, directly) when it has logged everything. */
    public static final String DONE = "LEAKY_APP_DONE";
    /** The size of the {@link #huge} line every logging test app logs. */
    public static final int HUGE_LINE_MEGABYTES = 10;

    /** Text that looks a little like a secret and is not one: must come through byte for byte. */
    private static final List<String> CLEAN = Collections.unmodifiableList(Arrays.asList(
            "request id 123e4567-e89b-12d3-a456-426614174000 took 12 ms",
            "built from commit 3f2c9a1e8b7d6c5f4e3d2c1b0a9f8e7d6c5b4a39 on branch main",
            "sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 verified",
            "at com.example.billing.InvoiceService.post(InvoiceService.java:142)",
            "the eyJ prefix starts every JWT; eyJhbGci alone is not a token",
            "bearer bonds and basic income are not credentials",
            "GET https://api.example.com/orders?page=2&size=50&sort=date returned 200",
            "base64 of hello world is aGVsbG8gd29ybGQ="));

    private LeakyLines() {
    }

    public static final class Line {
        private final String name;
        private final String text;

        Line(String name, String text) {
            this.name = name;
            this.text = text;
        }

        public String name() {
            return name;
        }

        public String text() {
            return text;
        }
    }

    /** One line per form of each secret. */
    public static List<Line> leaks(LeakySecrets s) {
        String token = s.token();
        String secret = s.clientSecret();
        List<Line> lines = new ArrayList<Line>();
        lines.add(leak("token-plain", "got access token " + token));
        lines.add(leak("token-bearer-header", "sending Authorization: Bearer " + token));
        lines.add(leak("token-query", "GET https://api.example.com/orders?access_token=" + urlEncoded(token)));
        lines.add(leak("token-json", "{\"access_token\":\"" + gsonEscaped(token) + "\",\"token_type\":\"Bearer\"}"));
        lines.add(leak("token-prefix", "token starts with " + token.substring(0, Math.min(24, token.length()))
                + "..."));
        lines.add(leak("token-multiline", "response headers:\n  Content-Type: text/plain\n  X-Token: " + token
                + "\n  Connection: close"));
        lines.add(leak("secret-plain", "client " + s.clientId() + " uses secret " + secret));
        lines.add(leak("secret-form", "POST body client_id=" + urlEncoded(s.clientId()) + "&client_secret="
                + urlEncoded(secret) + "&grant_type=client_credentials"));
        lines.add(leak("secret-percent", "secret as a URL parameter: " + urlEncoded(secret)));
        lines.add(leak("secret-json-gson", "{\"client_secret\":\"" + gsonEscaped(secret) + "\"}"));
        lines.add(leak("secret-json-slash", "{\"client_secret\":\"" + slashEscaped(secret) + "\"}"));
        lines.add(leak("basic-header", "sending Authorization: Basic " + s.basicValue()));
        lines.add(leak("basic-bare", "credentials " + s.basicValue()));
        return lines;
    }

    /**
     * The name of every leak a logging test app logs ({@code LEAK <name>:} starts its line), exceptions and
     * the huge line included: a test checks that each reached the log, with its secret replaced.
     */
    public static List<String> leakNames() {
        return new ArrayList<String>(leakTexts(
                new LeakySecrets("placeholder-token-of-some-length-0123456789", "id", "secret")).keySet());
    }

    /**
     * Every leak's whole text, by name, as an app logs it (a multi-line one with its line breaks; the exceptions'
     * messages; the huge line): what a test expects to find in the log, with each secret replaced.
     */
    public static Map<String, String> leakTexts(LeakySecrets s) {
        Map<String, String> texts = new LinkedHashMap<String, String>();
        for (Line line : leaks(s)) {
            texts.put(line.name(), line.text());
        }
        RuntimeException failure = failure(s);
        texts.put("exception-message", failure.getMessage());
        texts.put("exception-cause", failure.getCause().getMessage());
        texts.put("exception-suppressed", failure.getSuppressed()[0].getMessage());
        texts.put("huge-line", huge(s));
        return texts;
    }

    /** Lines that must reach the log exactly as written. */
    public static List<Line> clean() {
        List<Line> lines = new ArrayList<Line>();
        for (int i = 0; i < CLEAN.size(); i++) {
            lines.add(new Line("clean-" + i, "CLEAN " + i + ": " + CLEAN.get(i)));
        }
        return lines;
    }

    /**
     * An exception whose message, cause and suppressed exception each carry a secret: a stack trace in a log
     * prints all three.
     */
    public static RuntimeException failure(LeakySecrets s) {
        RuntimeException cause = new IllegalStateException("LEAK exception-cause: token " + s.token() + " rejected");
        RuntimeException failure = new RuntimeException("LEAK exception-message: call with secret "
                + s.clientSecret() + " failed", cause);
        failure.addSuppressed(new IllegalArgumentException("LEAK exception-suppressed: Basic " + s.basicValue()));
        return failure;
    }

    /** The line of {@link #HUGE_LINE_MEGABYTES} MB every logging test app logs. */
    public static String huge(LeakySecrets s) {
        return huge(s, HUGE_LINE_MEGABYTES);
    }

    /** A line of about {@code megabytes} MB with the token in the middle and at the end. */
    public static String huge(LeakySecrets s, int megabytes) {
        int half = megabytes * 512 * 1024;
        StringBuilder line = new StringBuilder(2 * half + 2 * s.token().length() + 40);
        line.append("LEAK huge-line: ");
        appendFiller(line, half);
        line.append(' ').append(s.token()).append(' ');
        appendFiller(line, half);
        line.append(" end ").append(s.token());
        return line.toString();
    }

    private static void appendFiller(StringBuilder line, int length) {
        String words = "lorem ipsum dolor sit amet ";
        for (int i = 0; i < length; i++) {
            line.append(words.charAt(i % words.length()));
        }
    }

    private static Line leak(String name, String text) {
        return new Line(name, "LEAK " + name + ": " + text);
    }

    static String urlEncoded(String value) {
        try {
            return URLEncoder.encode(value, "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is required of every JVM", e);
        }
    }

    /** JSON escaping as Gson writes it by default (HTML-safe): {@code < > & = '} as \\u escapes, {@code /} kept. */
    static String gsonEscaped(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if ("<>&='".indexOf(c) >= 0) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** JSON escaping with {@code /} as {@code \\/}, as Jackson's ESCAPE_FORWARD_SLASHES and many encoders write it. */
    static String slashEscaped(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/");
    }
}
