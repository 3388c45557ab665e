package dev.oauthagent.testapps.originrecorder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What arrived, one line per request: {@code <METHOD> <path>[?query] authorization=<what>}, where what is
 * {@code none}, or the scheme and a fingerprint of the credentials: {@code Bearer fp=<8 hex>} (several joined by
 * {@code " + "}, so a request that carried two {@code Authorization} headers shows both).
 *
 * <p>Never the credentials themselves: a leaked token must show up in a failing test's message as a
 * fingerprint (the first 8 hex digits of its SHA-256, the same as the agent's {@code AccessToken.fingerprint()}),
 * not as a usable token in the build log.
 */
final class RecordedRequests {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final List<String> lines = new ArrayList<>();
    /** What arrived as {@code Authorization}, per line ({@link #describe}); parallel to {@link #lines}. */
    private final List<String> authorizations = new ArrayList<>();

    /** @return how many requests were recorded before this one */
    synchronized int add(String method, String path, String query, List<String> authorizationHeaders) {
        String target = query == null ? path : path + "?" + query;
        String described = describe(authorizationHeaders);
        lines.add(method + " " + target + " authorization=" + described);
        authorizations.add(described);
        notifyAll();
        return lines.size() - 1;
    }

    /**
     * Waits until {@code count} different Bearer credentials other than {@code own} were recorded after request
     * {@code index}, or {@code timeoutMillis} passed: a test's way to hold one answer back while a client's
     * token rotates several times (its other requests carry the new tokens).
     */
    synchronized void awaitOtherBearers(int index, String own, int count, long timeoutMillis)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        for (long left = timeoutMillis; left > 0; left = (deadline - System.nanoTime()) / 1_000_000L) {
            Set<String> others = new HashSet<>();
            for (int i = index + 1; i < authorizations.size(); i++) {
                String authorization = authorizations.get(i);
                if (authorization.startsWith("Bearer ") && !authorization.equals(own)) {
                    others.add(authorization);
                }
            }
            if (others.size() >= count) {
                return;
            }
            wait(left);
        }
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
        authorizations.clear();
    }

    /** Each value described, joined by {@code " + "} where a request carried several; "none" for none. */
    static String describe(List<String> authorizations) {
        if (authorizations == null || authorizations.isEmpty()) {
            return "none";
        }
        StringBuilder described = new StringBuilder();
        for (String authorization : authorizations) {
            described.append(described.length() == 0 ? "" : " + ").append(describe(authorization));
        }
        return described.toString();
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
