package dev.oauthagent.agent.scrub;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A byte sink that scrubs what passes through it, whatever the write boundaries: a secret split across
 * two writes (or two flushes) is still found, because the bytes that may begin one are held back until the
 * rest arrives.
 *
 * <p>Complete lines are scrubbed and passed on at once. {@link #flush()} passes on everything else except the
 * tail that may still begin a secret (at most as long as the longest live secret form) or a fallback pattern
 * (at most {@link Redactor#PATTERN_HOLD_LIMIT} bytes); a line without a newline that grows beyond
 * {@link #MAX_PENDING} is passed on the same way. {@link #close()} passes on everything. One lock around every
 * operation (as {@link java.io.PrintStream} has), so concurrent writers never interleave inside a held-back
 * secret.
 *
 * <p>A stream given a {@link HeldTextTimer} (the standard streams) does not hold that tail for ever: once the
 * writer has been quiet for the timer's period after a flush, or at exit ({@link #releaseFlushed(long)}), the
 * flushed text is judged as if it ended there, scrubbed and passed on. A secret written in pieces in quick
 * succession is still held whole; pieces further apart than the quiet period are judged one by one. Text
 * written and never flushed is not released, just as the JDK's own buffered {@code System.out} never writes it.
 */
final class ScrubbingOutputStream extends OutputStream {
    /** A line longer than this (1 MiB) without a newline is passed on in pieces, as by a flush. */
    static final int MAX_PENDING = 1024 * 1024;

    private final OutputStream out;
    private final Redactor redactor;
    /** Null: held text waits for the rest of its line, a larger flush or close. */
    private final HeldTextTimer timer;
    private final Runnable quietCheck = new QuietCheck();
    private final ReentrantLock lock = new ReentrantLock();
    private byte[] pending = new byte[256];
    private int count;
    /** How many of the pending bytes (from the start) the writer has flushed. */
    private int flushed;
    private long lastActivity;
    private boolean checkScheduled;

    ScrubbingOutputStream(OutputStream out, Redactor redactor) {
        this(out, redactor, null);
    }

    ScrubbingOutputStream(OutputStream out, Redactor redactor, HeldTextTimer timer) {
        this.out = out;
        this.redactor = redactor;
        this.timer = timer;
    }

    @Override
    public void write(int b) throws IOException {
        lock.lock();
        try {
            ensure(1);
            pending[count++] = (byte) b;
            if (b == '\n') {
                drain(count, true);
            } else if (count > MAX_PENDING) {
                drain(count, false);
            }
            active();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (off < 0 || len < 0 || len > b.length - off) {
            throw new IndexOutOfBoundsException("offset " + off + ", length " + len + ", array " + b.length);
        }
        lock.lock();
        try {
            ensure(len);
            System.arraycopy(b, off, pending, count, len);
            int lastNewline = -1;
            for (int i = off + len - 1; i >= off; i--) {
                if (b[i] == '\n') {
                    lastNewline = count + (i - off);
                    break;
                }
            }
            count += len;
            if (lastNewline >= 0) {
                drain(lastNewline + 1, true);
            }
            if (count > MAX_PENDING) {
                drain(count, false);
            }
            active();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void flush() throws IOException {
        lock.lock();
        try {
            if (count > 0) {
                drain(count, false);
            }
            flushed = count;
            active();
            if (count > 0 && timer != null && !checkScheduled) {
                checkScheduled = true;
                timer.schedule(quietCheck, timer.quietPeriodNanos());
            }
            out.flush();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() throws IOException {
        lock.lock();
        try {
            if (count > 0) {
                drain(count, true);
            }
            out.flush();
        } finally {
            try {
                out.close();
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * At exit: scrubs and passes on everything flushed and still held, as if it ended there. Waits at most
     * {@code lockWaitMillis} for a writer that holds the stream (one blocked on a full pipe must not keep the
     * JVM from exiting); false if it could not get the stream in that time.
     */
    boolean releaseFlushed(long lockWaitMillis) {
        try {
            if (!lock.tryLock(lockWaitMillis, TimeUnit.MILLISECONDS)) {
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        try {
            releaseFlushedLocked();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The timer's check: releases the flushed held text if the writer has been quiet for the whole period. */
    void releaseIfQuiet() {
        lock.lock();
        try {
            checkScheduled = false;
            if (flushed == 0) {
                return; // nothing held, or only what was never flushed (the next flush schedules a check)
            }
            long quietFor = timer.nanoTime() - lastActivity;
            long period = timer.quietPeriodNanos();
            if (quietFor < period) {
                checkScheduled = true;
                timer.schedule(quietCheck, period - quietFor);
                return;
            }
            releaseFlushedLocked();
        } finally {
            lock.unlock();
        }
    }

    private void releaseFlushedLocked() {
        if (flushed == 0) {
            return;
        }
        try {
            drain(flushed, true);
            out.flush();
        } catch (IOException e) {
            // As PrintStream does: a standard stream that cannot be written to loses the text, the program goes on.
        }
    }

    private void active() {
        if (timer != null) {
            lastActivity = timer.nanoTime();
        }
    }

    /**
     * Scrubs and passes on {@code pending[0, upTo)}: all of it when {@code complete} (it ends a line: no secret
     * contains a newline), else all but what may still begin a secret.
     */
    private void drain(int upTo, boolean complete) throws IOException {
        int consumed = redactor.scrubTo(pending, upTo, complete, out);
        System.arraycopy(pending, consumed, pending, 0, count - consumed);
        count -= consumed;
        flushed = Math.max(0, flushed - consumed);
    }

    private void ensure(int more) {
        if (count + more > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pending.length * 2, count + more));
        }
    }

    @Override
    public String toString() {
        return "ScrubbingOutputStream{" + out.getClass().getName() + ", " + count + " bytes pending}";
    }

    /** A class, not a lambda: the standard streams are set up in premain. */
    private final class QuietCheck implements Runnable {
        @Override
        public void run() {
            releaseIfQuiet();
        }
    }
}
