package dev.oauthagent.agent.token.user;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps the JVM's exit from losing a login. From the moment a refresh request leaves until the rotated refresh
 * token is in the token store, the server holds the only copy of a usable token: it has already spent the one
 * in the file. A program that exits in that window (a short job exiting while the agent's first refresh is on
 * the wire) would leave the store holding a spent token, and its next start would need a new login. At exit, a
 * shutdown hook waits for such a refresh to be stored, at most the exchange's own time limit.
 */
final class RefreshInFlight {
    private static final Logger log = LoggerFactory.getLogger(RefreshInFlight.class);

    private final String clientName;
    private final long maxWaitNanos;
    private final ReentrantLock inFlight = new ReentrantLock();
    private boolean hookAdded;

    /** @param maxWait how long the exit waits: the refresh exchange's connect plus read timeout and the write */
    RefreshInFlight(String clientName, Duration maxWait) {
        this.clientName = clientName;
        this.maxWaitNanos = maxWait.toNanos();
    }

    /** Just before the refresh request is sent; the same thread calls {@link #stored()} after the store's update. */
    void sending() {
        inFlight.lock();
    }

    /** After the store's update returned or failed, whether or not {@link #sending()} was called on this thread. */
    void stored() {
        if (inFlight.isHeldByCurrentThread()) {
            inFlight.unlock();
        }
    }

    /**
     * Waits until no refresh is between its request and its write.
     *
     * @return false when one still was after the wait
     */
    boolean awaitStored() throws InterruptedException {
        if (!inFlight.tryLock(maxWaitNanos, TimeUnit.NANOSECONDS)) {
            return false;
        }
        inFlight.unlock();
        return true;
    }

    /** Adds the exit's wait, once; a JVM already exiting gets none (it would refuse the hook). */
    synchronized void waitAtExit() {
        if (hookAdded) {
            return;
        }
        hookAdded = true;
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(new Runnable() {
                @Override
                public void run() {
                    atExit();
                }
            }, "oauth-agent-store-" + clientName));
        } catch (IllegalStateException | SecurityException e) {
            log.debug("client '{}': no exit wait for a refresh in flight ({})", clientName, e.getClass().getName());
        }
    }

    void atExit() {
        try {
            if (!awaitStored()) {
                log.warn("client '{}': the JVM exits during a refresh whose new refresh token is not stored yet; if "
                        + "the next start says a login is needed, run login again.", clientName);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
