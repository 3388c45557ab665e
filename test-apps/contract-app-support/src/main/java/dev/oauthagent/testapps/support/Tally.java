package dev.oauthagent.testapps.support;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The contract programs' output: one {@code REQUEST <n> status=<code> ...} line per request, as the request ends
 * (from any thread, one whole line at a time), and the closing {@code DONE ok=<2xx count> failed=<others>}; the exit
 * code 0 when every request got a 2xx, else 1. The end-to-end tests parse these lines.
 */
public final class Tally {
    private final AtomicInteger ok = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();

    /** Counts a request answered with {@code status} (2xx: ok) and prints its line. */
    public void answered(int status, String line) {
        (isOk(status) ? ok : failed).incrementAndGet();
        print(line);
    }

    /** Counts a request that got no answer (or an error) and prints its line. */
    public void failed(String line) {
        failed.incrementAndGet();
        print(line);
    }

    /** {@code DONE ok=<n> failed=<m>}. */
    public String done() {
        return "DONE ok=" + ok.get() + " failed=" + failed.get();
    }

    /** 0 when no request failed, else 1. */
    public int exitCode() {
        return failed.get() == 0 ? 0 : 1;
    }

    /** Prints {@link #done()} and exits with {@link #exitCode()}. */
    public void finish() {
        print(done());
        System.exit(exitCode());
    }

    /** A line of the program's output, whole and flushed. */
    public static synchronized void print(String line) {
        System.out.println(line);
        System.out.flush();
    }

    static boolean isOk(int status) {
        return status >= 200 && status < 300;
    }
}
