package dev.oauthagent.e2e.support;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The forms in which a secret can leak into a log (plain, percent- and form-encoded, JSON- and XML-escaped, a
 * long prefix) and an assertion that none of them is in a text. A failure names the secret, the form and the line
 * number, never the secret itself: test output must not leak what the test guards.
 */
public final class SecretForms {
    /** A prefix this long is as good as the token to whoever reads it, for tokens much longer than this. */
    public static final int PREFIX_LENGTH = 24;

    private SecretForms() {
    }

    /** The Basic credential for {@code id:secret}, as an {@code Authorization: Basic} header carries it. */
    public static String basicValue(String clientId, String secret) {
        return Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * What of a client's credentials can leak, label to secret, for {@link #assertAbsent}: the secret, the Basic
     * value made of it (as the agent sends it for client_secret_basic), and the secret's own base64 and base64url
     * (unpadded, so a padded copy matches too) as code that encodes it by hand would print it.
     *
     * @param label names the client in a failure, e.g. "client 'api'"
     */
    public static Map<String, String> clientCredentials(String label, String clientId, String secret) {
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put(label + " secret", secret);
        credentials.put(label + " Basic value", basicValue(clientId, secret));
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        credentials.put(label + " secret in base64", Base64.getEncoder().withoutPadding().encodeToString(bytes));
        credentials.put(label + " secret in base64url", Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        return credentials;
    }

    /** Form name to text, for one secret; forms equal to the plain one are left out. */
    public static Map<String, String> of(String secret) {
        Map<String, String> forms = new LinkedHashMap<>();
        forms.put("plain", secret);
        String formEncoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        forms.putIfAbsent("form-encoded", formEncoded);
        forms.putIfAbsent("percent-encoded", formEncoded.replace("+", "%20"));
        forms.putIfAbsent("json-escaped", secret.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/"));
        forms.putIfAbsent("json-gson-escaped", secret.replace("\\", "\\\\").replace("\"", "\\\"")
                .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace("=", "\\u003d")
                .replace("'", "\\u0027"));
        // XML text, as java.util.logging's XMLFormatter writes a message (and XML layouts of other frameworks).
        forms.putIfAbsent("xml-escaped", secret.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
        if (secret.length() > 2 * PREFIX_LENGTH) {
            forms.put("prefix", secret.substring(0, PREFIX_LENGTH));
        }
        forms.values().removeIf(String::isEmpty);
        // Drop forms identical to another (e.g. a token with nothing to escape): the first name is kept.
        Map<String, String> distinct = new LinkedHashMap<>();
        forms.forEach((name, text) -> {
            if (!distinct.containsValue(text)) {
                distinct.put(name, text);
            }
        });
        return distinct;
    }

    /**
     * Fails if any form of any secret is in {@code text}.
     *
     * @param where   what the text is, e.g. "stdout of logback-app"
     * @param secrets a label per secret, e.g. "access token #1" (the label is printed, the secret never)
     */
    public static void assertAbsent(String where, String text, Map<String, String> secrets) {
        for (Map.Entry<String, String> secret : secrets.entrySet()) {
            for (Map.Entry<String, String> form : of(secret.getValue()).entrySet()) {
                int at = text.indexOf(form.getValue());
                if (at >= 0) {
                    throw new AssertionError(secret.getKey() + " appears " + form.getKey() + " in " + where
                            + " at line " + lineNumber(text, at) + " (the text is not printed: it holds the secret)");
                }
            }
        }
    }

    private static long lineNumber(String text, int offset) {
        return text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }
}
