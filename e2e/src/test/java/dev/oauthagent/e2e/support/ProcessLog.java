package dev.oauthagent.e2e.support;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * One file per child process under e2e/target/e2e-logs/&lt;TestClass&gt;/, named after the test method that
 * started it, so a failed run can be read after the fact even when the failure message is cut short.
 */
final class ProcessLog implements AutoCloseable {
    private static final String SUPPORT_PACKAGE = ProcessLog.class.getPackageName() + ".";
    private static final String CONTRACT_PACKAGE = "dev.oauthagent.e2e.contract.";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    /** Values of arguments named like a secret are masked in the logged command line. */
    private static final Pattern SECRET_ARGUMENT =
            Pattern.compile("(?i)((?:secret|password)[\\w.-]*=)[^,\\s]+");

    private final Path file;
    private final BufferedWriter writer;

    private ProcessLog(Path file, BufferedWriter writer) {
        this.file = file;
        this.writer = writer;
    }

    static ProcessLog open(String processName, List<String> command, List<String> envNames) {
        StackWalker.StackFrame caller = callingTest();
        String testClass = caller == null ? "unknown" : simpleName(caller.getClassName());
        String testMethod = caller == null ? "unknown" : caller.getMethodName();
        Path file = E2ePaths.logDir().resolve(safe(testClass))
                .resolve(safe(testMethod + "-" + processName + "-" + SEQUENCE.incrementAndGet()) + ".log");
        try {
            Files.createDirectories(file.getParent());
            BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            ProcessLog log = new ProcessLog(file, writer);
            log.write("# command: " + maskSecrets(String.join(" ", command)));
            log.write("# env set (values not logged): " + envNames);
            return log;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create process log " + file, e);
        }
    }

    static String maskSecrets(String commandLine) {
        return SECRET_ARGUMENT.matcher(commandLine).replaceAll("$1****");
    }

    Path file() {
        return file;
    }

    void line(CapturedOutput.Stream stream, String text) {
        write(LocalTime.now() + (stream == CapturedOutput.Stream.STDOUT ? " [out] " : " [err] ") + text);
    }

    void note(String text) {
        write(LocalTime.now() + " # " + text);
    }

    private synchronized void write(String text) {
        try {
            writer.write(text);
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            // The log is a debugging aid: a full disk must not fail the test that is being logged.
        }
    }

    @Override
    public synchronized void close() {
        try {
            writer.close();
        } catch (IOException e) {
            // see write()
        }
    }

    /**
     * The outermost frame of the first non-harness class on the stack: the test method itself rather than a
     * helper of the test class it called (a shared suite's private run method, say).
     */
    private static StackWalker.StackFrame callingTest() {
        List<StackWalker.StackFrame> frames = StackWalker.getInstance().walk(stack -> stack.toList());
        Optional<StackWalker.StackFrame> first = frames.stream().filter(f -> !isHarness(f.getClassName())).findFirst();
        if (first.isEmpty()) {
            return null;
        }
        StackWalker.StackFrame outermost = first.get();
        for (StackWalker.StackFrame frame : frames) {
            if (frame.getClassName().equals(outermost.getClassName())) {
                outermost = frame;
            }
        }
        return outermost;
    }

    /**
     * Harness classes are skipped: the support package and the contract's machinery. Tests count as callers:
     * …IT, …Test, and …Contract (a shared suite whose test methods the client ITs inherit).
     */
    private static boolean isHarness(String className) {
        String outer = className.contains("$") ? className.substring(0, className.indexOf('$')) : className;
        return (outer.startsWith(SUPPORT_PACKAGE) || outer.startsWith(CONTRACT_PACKAGE))
                && !outer.endsWith("IT") && !outer.endsWith("Test") && !outer.endsWith("Contract");
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._$-]", "_");
    }
}
