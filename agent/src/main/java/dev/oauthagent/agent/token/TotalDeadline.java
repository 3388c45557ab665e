package dev.oauthagent.agent.token;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A bound on one token request as a whole. HttpURLConnection's read timeout applies to each read alone, so a
 * server that drips a byte every few seconds, into the headers or the body, would hold the caller forever.
 * Two mechanisms close that gap:
 * <ul>
 * <li>the body reader calls {@link #check()} after every read, so a body drip ends at the first read past
 * the deadline;</li>
 * <li>a timer runs an abort action (closing the connection) when the deadline passes, which is the only way
 * to end a read blocked inside HttpURLConnection while it parses headers.</li>
 * </ul>
 * After an abort the blocked call fails with some IOException; {@link #hasPassed()} tells the caller that
 * the deadline, not the network, was the reason.
 */
final class TotalDeadline implements AutoCloseable {
    private final Duration total;
    private final long deadlineNanos;
    private final AtomicBoolean aborted = new AtomicBoolean();
    private final ScheduledFuture<?> abort;

    TotalDeadline(Duration total, ScheduledExecutorService timer, final Runnable abortAction) {
        this.total = total;
        this.deadlineNanos = System.nanoTime() + total.toNanos();
        this.abort = timer.schedule(new Runnable() {
            @Override
            public void run() {
                aborted.set(true);
                abortAction.run();
            }
        }, total.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * One timer thread per token client, started on demand and gone after a second idle: token requests are
     * minutes apart, so no thread lingers between them.
     */
    static ScheduledExecutorService newTimer(final String clientName) {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, new ThreadFactory() {
            @Override
            public Thread newThread(Runnable r) {
                Thread t = new Thread(r, "oauth-agent-token-deadline-" + clientName);
                t.setDaemon(true);
                return t;
            }
        });
        timer.setKeepAliveTime(1, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true);
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    Duration total() {
        return total;
    }

    boolean hasPassed() {
        return aborted.get() || System.nanoTime() - deadlineNanos >= 0;
    }

    /**
     * Whether the abort action ran (or is running). The caller must then leave the connection to it. Closing a
     * half-read response stream hands what the server still owes to the JDK's keep-alive cleaner, which holds
     * the stream's lock while it drains a dripping server (seconds past the deadline, up to 5 s a read); on JDK
     * 21+ a second close or another read waits for that lock. So a response is closed once: by the abort, or by
     * the caller when there was none (seen on Temurin 25: the token request of TokenEndpointClientFaultTest's
     * slow drip held for 8 s instead of 3.2).
     */
    boolean aborted() {
        return aborted.get();
    }

    void check() throws ExceededException {
        if (hasPassed()) {
            throw new ExceededException();
        }
    }

    @Override
    public void close() {
        abort.cancel(false);
    }

    /** Thrown by {@link #check()}; the caller turns it into a message naming the timeouts. */
    static final class ExceededException extends IOException {
        private static final long serialVersionUID = 1L;

        ExceededException() {
            super("total deadline passed");
        }
    }
}
