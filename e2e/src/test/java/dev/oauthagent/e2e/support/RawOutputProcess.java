package dev.oauthagent.e2e.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A child JVM whose stdout and stderr are kept as the exact bytes it wrote ({@link JavaProcess} decodes them
 * into lines), and whose stdin the test writes to: for checks that the agent leaves the application's own output
 * byte for byte as it was. Every wait has a deadline; {@link #close()} kills the child.
 */
public final class RawOutputProcess implements AutoCloseable {
    private static final Duration DRAIN = Duration.ofSeconds(10);

    private final Process process;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private int openStreams = 2;

    private RawOutputProcess(Process process) {
        this.process = process;
    }

    /**
     * Runs {@code command}'s command line with these environment variables added (and, as {@link JavaProcess},
     * none of the test JVM's own {@code OAUTH_AGENT_*}).
     */
    public static RawOutputProcess start(JavaProcessBuilder command, Map<String, String> env) {
        return start(command.command(), env);
    }

    /** Runs any command line, e.g. a JVM's under a pseudo-terminal ({@code script -qfec '<java ...>' /dev/null}). */
    public static RawOutputProcess start(List<String> command, Map<String, String> env) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(variable -> variable.startsWith("OAUTH_AGENT_"));
        builder.environment().putAll(env);
        try {
            RawOutputProcess started = new RawOutputProcess(builder.start());
            started.pump(started.process.getInputStream(), started.stdout);
            started.pump(started.process.getErrorStream(), started.stderr);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    public void writeStdin(String text) {
        try {
            OutputStream in = process.getOutputStream();
            in.write(text.getBytes(StandardCharsets.UTF_8));
            in.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the child's stdin", e);
        }
    }

    public void closeStdin() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the child's stdin", e);
        }
    }

    /** Waits until stdout (decoded as UTF-8) contains {@code text}; fails if the child ends or the time is up first. */
    public void awaitStdoutContaining(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (!stdout.toString(StandardCharsets.UTF_8).contains(text)) {
                long left = deadline - System.nanoTime();
                if (openStreams == 0 || left <= 0) {
                    throw new AssertionError("stdout never contained '" + text + "' (" + (openStreams == 0
                            ? "the child ended" : "waited " + timeout) + "); it has: '"
                            + stdout.toString(StandardCharsets.UTF_8) + "'");
                }
                changed.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Waits for the child to exit and for its output to be read to the end; returns the exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            close();
            throw new AssertionError("the child did not exit within " + timeout + "; stdout so far: '"
                    + new String(stdout(), StandardCharsets.UTF_8) + "'");
        }
        long deadline = System.nanoTime() + DRAIN.toNanos();
        lock.lock();
        try {
            while (openStreams > 0 && deadline - System.nanoTime() > 0) {
                changed.awaitNanos(deadline - System.nanoTime());
            }
        } finally {
            lock.unlock();
        }
        return process.exitValue();
    }

    public byte[] stdout() {
        return bytes(stdout);
    }

    public byte[] stderr() {
        return bytes(stderr);
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private byte[] bytes(ByteArrayOutputStream stream) {
        lock.lock();
        try {
            return stream.toByteArray();
        } finally {
            lock.unlock();
        }
    }

    private void pump(InputStream from, ByteArrayOutputStream to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    received(to, buffer, n);
                }
            } catch (IOException e) {
                // the child is gone; what was read is kept
            } finally {
                received(to, buffer, -1);
            }
        }, "e2e-raw-output-pump");
        thread.setDaemon(true);
        thread.start();
    }

    /** {@code n} bytes of {@code buffer} arrived on {@code to}; a negative {@code n}: that stream has ended. */
    private void received(ByteArrayOutputStream to, byte[] buffer, int n) {
        lock.lock();
        try {
            if (n < 0) {
                openStreams--;
            } else {
                to.write(buffer, 0, n);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
