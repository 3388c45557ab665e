package dev.oauthagent.testapps.support;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Traffic beside the main requests, as a busy application's other threads make: one daemon thread that sends a
 * request every {@link #PAUSE_MILLIS} until stopped, with the program's own client. Counts the answers; prints
 * nothing per request.
 */
public final class BackgroundRequests implements Runnable {
    static final long PAUSE_MILLIS = 100;
    private static final long STOP_WAIT_MILLIS = 10_000;

    /** One request of the program's: its status, or an exception when none came. */
    public interface Request {
        int send() throws Exception;
    }

    private final Request request;
    private final AtomicInteger ok = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private volatile boolean stopped;
    private Thread thread;

    private BackgroundRequests(Request request) {
        this.request = request;
    }

    /** Starts sending {@code request} on the thread {@code background-requests}. */
    public static BackgroundRequests start(Request request) {
        BackgroundRequests background = new BackgroundRequests(request);
        background.thread = new Thread(background, "background-requests");
        background.thread.setDaemon(true);
        background.thread.start();
        return background;
    }

    @Override
    public void run() {
        while (!stopped) {
            try {
                (Tally.isOk(request.send()) ? ok : failed).incrementAndGet();
            } catch (Exception e) {
                failed.incrementAndGet();
            }
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops the loop (after its request in flight, waiting up to 10 s) and returns {@code BACKGROUND ok=<n> failed=<m>}. */
    public String stop() throws InterruptedException {
        stopped = true;
        thread.join(STOP_WAIT_MILLIS);
        return "BACKGROUND ok=" + ok.get() + " failed=" + failed.get();
    }
}
