package dev.oauthagent.agent.metrics;

import dev.oauthagent.agent.token.cache.Ticker;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Watches one client's failed token requests for breakage and abuse: a burst of failures (at least
 * {@code burst} within one window) or any credential refusal ({@code invalid_client}, or a 401 without a code)
 * raises one security warning per window, with the counts by code. Windows are fixed: the first failure after
 * a window ended opens the next. Failures after the warning are not lost: the next warning says how many came.
 *
 * <p>Returns the warning's text instead of logging it, so that tests read it with a manual ticker; the text
 * holds the client's name, counts and error codes only ({@link FailureCode}), never a secret or a server's words.
 * Failures are rare and come from the client's one refresh thread, so a lock costs nothing.
 */
public final class FailureAlerts {
    public static final int DEFAULT_BURST = 5;
    public static final long DEFAULT_WINDOW_NANOS = TimeUnit.MINUTES.toNanos(5);

    private final String client;
    private final Ticker ticker;
    private final int burst;
    private final long windowNanos;

    // Guarded by this.
    private boolean windowOpen;
    private long windowStart;
    private int inWindow;
    private final Map<String, Integer> byCode = new TreeMap<>();
    private boolean warned;
    /** Failures after the warning of a window: reported with the next warning. */
    private long unreported;

    public FailureAlerts(String client, Ticker ticker, int burst, long windowNanos) {
        if (burst < 1 || windowNanos <= 0) {
            throw new IllegalArgumentException("burst must be at least 1 and the window positive");
        }
        this.client = client;
        this.ticker = ticker;
        this.burst = burst;
        this.windowNanos = windowNanos;
    }

    public static FailureAlerts standard(String client) {
        return new FailureAlerts(client, Ticker.system(), DEFAULT_BURST, DEFAULT_WINDOW_NANOS);
    }

    /**
     * Records a failed token request; returns the warning to log, or null when none is due. A user grant waiting
     * for a person's login ({@code login_needed}) is neither breakage nor abuse: no server was asked, so it does
     * not count.
     */
    public synchronized String failed(String code) {
        if (FailureCode.LOGIN_NEEDED.equals(code)) {
            return null;
        }
        long now = ticker.read();
        if (!windowOpen || now - windowStart >= windowNanos) {
            openWindow(now);
        }
        inWindow++;
        Integer count = byCode.get(code);
        byCode.put(code, count == null ? 1 : count + 1);
        if (warned) {
            unreported++;
            return null;
        }
        boolean refusal = FailureCode.isCredentialRefusal(code);
        if (!refusal && inWindow < burst) {
            return null;
        }
        warned = true;
        String line = warning(refusal);
        unreported = 0;
        return line;
    }

    private void openWindow(long now) {
        windowOpen = true;
        windowStart = now;
        inWindow = 0;
        byCode.clear();
        warned = false;
    }

    private String warning(boolean refusal) {
        String counts = "client '" + client + "': security: " + inWindow + " failed token request(s) within "
                + minutes() + " (" + codes() + ")";
        String earlier = unreported == 0 ? "" : "; " + unreported + " more failed after the previous warning";
        String why = refusal
                ? ": the token endpoint refuses this client's credentials. Check client-id and client-secret (a rotated"
                        + " or revoked secret), and that no one else is trying this client id."
                : ": at least " + burst + " failures in a window. The token endpoint or the network is failing, or"
                        + " requests are being refused; the token request failures are logged as they happen.";
        return counts + earlier + why + " (One warning per " + minutes() + " at most.)";
    }

    private String codes() {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, Integer> e : byCode.entrySet()) {
            out.append(out.length() == 0 ? "" : ", ").append(e.getKey()).append('=').append(e.getValue());
        }
        return out.toString();
    }

    private String minutes() {
        long seconds = TimeUnit.NANOSECONDS.toSeconds(windowNanos);
        return seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
    }
}
