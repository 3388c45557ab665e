package dev.oauthagent.testapps.originrecorder;

import java.util.ArrayList;
import java.util.List;

/**
 * What arrived, one line per request: {@code <METHOD> <path>[?query] authorization=<none | the header value>}.
 *
 * <p>The header value is recorded verbatim on purpose: this server stands for an attacker's host, and a test
 * must be able to show exactly which token leaked. Tests only ever expect {@code authorization=none}.
 */
final class RecordedRequests {
    private final List<String> lines = new ArrayList<>();

    synchronized void add(String method, String path, String query, String authorization) {
        String target = query == null ? path : path + "?" + query;
        lines.add(method + " " + target + " authorization=" + (authorization == null ? "none" : authorization));
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
}
