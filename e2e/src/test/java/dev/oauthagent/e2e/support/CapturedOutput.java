package dev.oauthagent.e2e.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * The lines a child process printed, per stream, in arrival order. Pump threads append; test threads read
 * and wait, woken on every new line and when a stream ends, so waiting never polls or sleeps.
 */
final class CapturedOutput {
    enum Stream { STDOUT, STDERR }

    /** What a wait ended with: the matches, or why there are fewer than asked for. */
    record WaitResult(List<String> matches, boolean ended) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<String> stdout = new ArrayList<>();
    private final List<String> stderr = new ArrayList<>();
    /** Both streams interleaved as the lines arrived: what waits scan, each line only once per wait. */
    private final List<String> both = new ArrayList<>();
    private int openStreams = Stream.values().length;

    void append(Stream stream, String line) {
        lock.lock();
        try {
            (stream == Stream.STDOUT ? stdout : stderr).add(line);
            both.add(line);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void ended(Stream stream) {
        lock.lock();
        try {
            openStreams--;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until at least {@code count} lines on either stream match, both streams have ended, or the
     * deadline ({@link System#nanoTime()}) passes.
     */
    WaitResult awaitMatches(Pattern pattern, int count, long deadlineNanos) throws InterruptedException {
        List<String> matches = new ArrayList<>();
        int scanned = 0;
        lock.lock();
        try {
            while (true) {
                for (; scanned < both.size(); scanned++) {
                    if (pattern.matcher(both.get(scanned)).find()) {
                        matches.add(both.get(scanned));
                    }
                }
                if (matches.size() >= count || openStreams == 0) {
                    return new WaitResult(matches, openStreams == 0);
                }
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return new WaitResult(matches, false);
                }
                changed.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Waits until both streams have ended (the process and any child holding its pipes are gone). */
    boolean awaitEnd(long deadlineNanos) throws InterruptedException {
        lock.lock();
        try {
            while (openStreams > 0) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                changed.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    String text(Stream stream) {
        lock.lock();
        try {
            List<String> lines = stream == Stream.STDOUT ? stdout : stderr;
            return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
        } finally {
            lock.unlock();
        }
    }

    /** The last {@code max} lines of a stream, for failure messages that stay readable. */
    String tail(Stream stream, int max) {
        lock.lock();
        try {
            List<String> lines = stream == Stream.STDOUT ? stdout : stderr;
            int from = Math.max(0, lines.size() - max);
            String skipped = from > 0 ? "... (" + from + " earlier lines in the log file)\n" : "";
            return skipped + String.join("\n", lines.subList(from, lines.size()));
        } finally {
            lock.unlock();
        }
    }
}
