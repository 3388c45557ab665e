package dev.oauthagent.testapps.originrecorder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * What arrived, one line per request: {@code <METHOD> <path>[?query] authorization=<what>}, where what is
 * {@code none}, or the scheme and a fingerprint of the credentials: {@code Bearer fp=<8 hex>}.
 *
 * <p>Never the credentials themselves: a leaked token must show up in a failing test's message as a
 * fingerprint (the first 8 hex digits of its SHA-256, the same as the agent's {@code AccessToken.fingerprint()}),
 * not as a usable token in the build log.
 */
final class RecordedRequests {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final List<String> lines = new ArrayList<>();

    synchronized void add(String method, String path, String query, String authorization) {
        String target = query == null ? path : path + "?" + query;
        lines.add(method + " " + target + " authorization=" + describe(authorization));
    }

    synchronized String text() {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append('\n');
        }
        return text.toString();
    }

    synchronized void clear() {
        lines.clear();
    }

    static String describe(String authorization) {
        if (authorization == null) {
            return "none";
        }
        String value = authorization.trim();
        int space = value.indexOf(' ');
        if (space < 0) {
            return "fp=" + fingerprint(value);
        }
        return value.substring(0, space) + " fp=" + fingerprint(value.substring(space + 1).trim());
    }

    private static String fingerprint(String credentials) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(credentials.getBytes(StandardCharsets.UTF_8));
            char[] out = new char[8];
            for (int i = 0; i < 4; i++) {
                out[2 * i] = HEX[(digest[i] >> 4) & 0xf];
                out[2 * i + 1] = HEX[digest[i] & 0xf];
            }
            return new String(out);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
