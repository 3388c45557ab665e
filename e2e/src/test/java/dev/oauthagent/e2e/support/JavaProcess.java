package dev.oauthagent.e2e.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A child JVM started by an end-to-end test, with its stdout and stderr captured line by line (in memory
 * for assertions, and in a log file under e2e/target/e2e-logs/ for after-the-fact reading).
 *
 * <p>Every wait has a deadline and fails with the captured output, so a broken child fails the test with
 * the reason instead of hanging the build. {@link #close()} kills the whole process tree; a JVM shutdown
 * hook does the same for any child a test forgot, so no auth server outlives the build.
 */
public final class JavaProcess implements AutoCloseable {
    /** How long a child may take to shut down after SIGTERM (Spring closes its context) before it is killed. */
    private static final Duration GRACE = Duration.ofSeconds(5);
    /** How long to wait for the pump threads to read what is left in the pipes after the child is gone. */
    private static final Duration DRAIN = Duration.ofSeconds(5);
    private static final int FAILURE_TAIL_LINES = 60;
    private static final Set<JavaProcess> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(JavaProcess::killAtExit),
                "e2e-orphan-killer"));
    }

    private final String name;
    private final Process process;
    private final CapturedOutput output = new CapturedOutput();
    private final ProcessLog log;
    private final Path tmpDir;
    private final AtomicBoolean closed = new AtomicBoolean();

    private JavaProcess(String name, Process process, ProcessLog log, Path tmpDir) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.tmpDir = tmpDir;
    }

    /** @param name short label for messages and the log file name, e.g. "auth-server" */
    public static JavaProcessBuilder builder(String name) {
        return new JavaProcessBuilder(name);
    }

    /**
     * Starts {@code command} (already fully set up by {@link JavaProcessBuilder}) and begins capturing;
     * {@code tmpDir}, the child's {@code java.io.tmpdir}, is deleted with everything in it when it is closed.
     */
    static JavaProcess start(String name, ProcessBuilder command, List<String> envNames, Path tmpDir) {
        ProcessLog log = ProcessLog.open(name, command.command(), envNames);
        Process process;
        try {
            process = command.start();
        } catch (IOException e) {
            log.note("could not start: " + e);
            log.close();
            FileTrees.delete(tmpDir);
            throw new UncheckedIOException("cannot start " + name + ": "
                    + ProcessLog.maskSecrets(String.join(" ", command.command())), e);
        }
        JavaProcess started = new JavaProcess(name, process, log, tmpDir);
        RUNNING.add(started);
        started.closeStdin();
        started.pump(process.getInputStream(), CapturedOutput.Stream.STDOUT);
        started.pump(process.getErrorStream(), CapturedOutput.Stream.STDERR);
        return started;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Everything printed to stdout so far, one {@code \n} after each line. */
    public String stdout() {
        return output.text(CapturedOutput.Stream.STDOUT);
    }

    /** Everything printed to stderr so far, one {@code \n} after each line. */
    public String stderr() {
        return output.text(CapturedOutput.Stream.STDERR);
    }

    public Path logFile() {
        return log.file();
    }

    /**
     * Returns the first line on stdout or stderr (already printed or still to come) in which {@code pattern}
     * is found. Fails at once if the process ends without printing it, or when {@code timeout} passes.
     */
    public String awaitLine(Pattern pattern, Duration timeout) {
        return awaitLines(pattern, 1, timeout).get(0);
    }

    /** Like {@link #awaitLine(Pattern, Duration)}, for a line containing {@code text} literally. */
    public String awaitLine(String text, Duration timeout) {
        return awaitLine(Pattern.compile(Pattern.quote(text)), timeout);
    }

    /** Waits until at least {@code count} lines match and returns all matching lines so far, in order. */
    public List<String> awaitLines(Pattern pattern, int count, Duration timeout) {
        CapturedOutput.WaitResult result;
        try {
            result = output.awaitMatches(pattern, count, deadline(timeout));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for /" + pattern + "/ " + describe(), e);
        }
        if (result.matches().size() >= count) {
            return result.matches();
        }
        if (result.ended()) {
            awaitReaped();
        }
        String found = count == 1 ? "no line" : result.matches().size() + " of " + count + " lines";
        String why = result.ended() ? "ended (" + exitDescription() + ")" : "did not print them within " + timeout;
        throw new AssertionError(found + " matching /" + pattern + "/: " + name + " " + why + "\n" + describe());
    }

    /**
     * Waits for the process to exit and returns its exit code, once its output has been read to the end.
     * On timeout it kills the process tree and fails with the captured output.
     */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                String description = describe();
                close();
                throw new AssertionError(name + " did not exit within " + timeout + " and was killed\n" + description);
            }
            output.awaitEnd(deadline(DRAIN));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + name + " to exit " + describe(), e);
        }
        int code = process.exitValue();
        log.note("exited with code " + code);
        return code;
    }

    /**
     * Stops the process and every process it started: SIGTERM first so a JVM runs its shutdown hooks, then a
     * forced kill for whatever is still alive after a grace period. Safe to call more than once.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            List<ProcessHandle> tree = tree();
            tree.forEach(ProcessHandle::destroy);
            long deadline = deadline(GRACE);
            for (ProcessHandle handle : tree) {
                awaitExit(handle, deadline);
            }
            tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            long killDeadline = deadline(GRACE);
            for (ProcessHandle handle : tree) {
                awaitExit(handle, killDeadline);
            }
            output.awaitEnd(deadline(DRAIN));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killTreeNow();
        } finally {
            log.note("closed (" + exitDescription() + ")");
            deleteTmpDir();
            log.close();
            RUNNING.remove(this);
        }
    }

    /** The child's {@code java.io.tmpdir}; deleted by {@link #close()}. */
    public Path tmpDir() {
        return tmpDir;
    }

    private void deleteTmpDir() {
        try {
            FileTrees.delete(tmpDir);
        } catch (UncheckedIOException e) {
            // Under e2e/target, so `mvn clean` still removes it; the log says why it is there.
            log.note("could not delete its temp folder: " + e.getCause());
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }

    private List<ProcessHandle> tree() {
        // Children first, so none is re-parented and missed while its parent shuts down.
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().collect(Collectors.toList()));
        tree.add(process.toHandle());
        return tree;
    }

    /** For a child nobody closed (a shared server) when the test JVM exits: killed, then its temp folder deleted. */
    private void killAtExit() {
        killTreeNow();
        try {
            process.waitFor(GRACE.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteTmpDir();
    }

    private void killTreeNow() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static void awaitExit(ProcessHandle handle, long deadlineNanos) throws InterruptedException {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0 || !handle.isAlive()) {
            return;
        }
        try {
            handle.onExit().get(left, TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // Still alive: the caller escalates to a forced kill.
        }
    }

    /** Output ends a moment before the JVM is reaped; wait briefly so the exit code can be reported. */
    private void awaitReaped() {
        try {
            process.waitFor(DRAIN.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String exitDescription() {
        return process.isAlive() ? "still running" : "exit code " + process.exitValue();
    }

    private String describe() {
        return "--- " + this + ", " + exitDescription() + "; full log: " + log.file() + "\n"
                + "--- stdout:\n" + output.tail(CapturedOutput.Stream.STDOUT, FAILURE_TAIL_LINES) + "\n"
                + "--- stderr:\n" + output.tail(CapturedOutput.Stream.STDERR, FAILURE_TAIL_LINES) + "\n---";
    }

    private static long deadline(Duration timeout) {
        return System.nanoTime() + timeout.toNanos();
    }

    /** The child gets an empty stdin, so a program that reads it sees end-of-input instead of blocking. */
    private void closeStdin() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // Nothing to do: the child simply never gets input.
        }
    }

    private void pump(InputStream stream, CapturedOutput.Stream which) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    log.line(which, line);
                    output.append(which, line);
                }
            } catch (IOException e) {
                log.note(which + " could not be read further: " + e);
            } finally {
                output.ended(which);
            }
        }, "e2e-" + name + "-" + which.name().toLowerCase());
        thread.setDaemon(true);
        thread.start();
    }
}
