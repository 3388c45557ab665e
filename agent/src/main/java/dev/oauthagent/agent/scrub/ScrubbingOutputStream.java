package dev.oauthagent.agent.scrub;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A byte sink that scrubs what passes through it, whatever the write boundaries: a secret split across
 * two writes (or two flushes) is still found, because the bytes that may begin one are held back until the
 * rest arrives.
 *
 * <p>Complete lines are scrubbed and passed on at once. {@link #flush()} passes on everything else except the
 * tail that may still begin a secret (at most as long as the longest live secret form) or a fallback pattern
 * (at most {@link Redactor#PATTERN_HOLD_LIMIT} bytes); a line without a newline that grows beyond
 * {@link #MAX_PENDING} is passed on the same way. {@link #close()} passes on everything. Synchronized like
 * {@link java.io.PrintStream}, so concurrent writers never interleave inside a held-back secret.
 */
final class ScrubbingOutputStream extends OutputStream {
    /** A line longer than this (1 MiB) without a newline is passed on in pieces, as by a flush. */
    static final int MAX_PENDING = 1024 * 1024;

    private final OutputStream out;
    private final Redactor redactor;
    private byte[] pending = new byte[256];
    private int count;

    ScrubbingOutputStream(OutputStream out, Redactor redactor) {
        this.out = out;
        this.redactor = redactor;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        ensure(1);
        pending[count++] = (byte) b;
        if (b == '\n') {
            drain(count, true);
        } else if (count > MAX_PENDING) {
            drain(count, false);
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        if (off < 0 || len < 0 || len > b.length - off) {
            throw new IndexOutOfBoundsException("offset " + off + ", length " + len + ", array " + b.length);
        }
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
    }

    @Override
    public synchronized void flush() throws IOException {
        if (count > 0) {
            drain(count, false);
        }
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            if (count > 0) {
                drain(count, true);
            }
            out.flush();
        } finally {
            out.close();
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
}
