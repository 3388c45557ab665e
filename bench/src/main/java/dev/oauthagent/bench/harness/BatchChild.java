package dev.oauthagent.bench.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM kept alive across batches ({@code RequestLoop}, {@code LogLoop}: apps' {@code BatchLoop}
 * protocol): the harness writes a batch size to its stdin and reads the batch's figures back. Stdout is a pipe
 * the harness reads only while it waits for a batch (no reader thread competes with the children for the
 * cores); stderr goes to a file.
 */
final class BatchChild implements AutoCloseable {
    private static final long EXIT_TIMEOUT_SECONDS = 60;

    private final String label;
    private final Process process;
    private final Writer commands;
    private final BufferedReader replies;
    private final Path stderr;
    private final List<String> otherOutput = new ArrayList<>();

    private BatchChild(String label, Process process, Path stderr) {
        this.label = label;
        this.process = process;
        this.stderr = stderr;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII);
        this.replies = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Starts {@code mainClass} of the apps package with {@code args}; its first argument names it in errors. */
    static BatchChild start(ChildLauncher launcher, JvmVariant variant, String mainClass, String... args)
            throws IOException {
        String label = mainClass + (args.length > 0 ? " " + args[0] : "") + " (" + variant.name() + ")";
        Path stderr = Files.createTempFile(launcher.workDir(), mainClass + "-", ".err");
        Process process = launcher.builder(variant, mainClass, args)
                .redirectOutput(ProcessBuilder.Redirect.PIPE)
                .redirectError(stderr.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
        return new BatchChild(label, process, stderr);
    }

    /** Runs {@code count} operations in the child and returns its figures; fails if any operation failed. */
    Batch run(int count) throws IOException {
        commands.write(count + "\n");
        commands.flush();
        String line;
        while ((line = replies.readLine()) != null) {
            if (line.startsWith("BATCH ")) {
                Batch batch = Batch.parse(line);
                if (batch.failed() > 0) {
                    throw new IllegalStateException(label + ": " + batch.failed() + " of " + count
                            + " operations failed\n" + describe());
                }
                return batch;
            }
            otherOutput.add(line);
        }
        throw new IllegalStateException(label + " ended before answering a batch\n" + describe());
    }

    /** Ends the child (end of its input) and checks it exited cleanly with the agent active. */
    @Override
    public void close() throws IOException, InterruptedException {
        try {
            commands.close();
        } catch (IOException alreadyGone) {
            // the exit code below says why
        }
        if (!process.waitFor(EXIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(label + " did not exit " + EXIT_TIMEOUT_SECONDS + " s after its input"
                    + " ended; killed");
        }
        String errors = Files.readString(stderr);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(label + " exited with " + process.exitValue() + "\n" + describe());
        }
        if (errors.contains("the agent is NOT active")) {
            throw new IllegalStateException(label + ": the agent refused its configuration\n" + describe());
        }
    }

    private String describe() {
        String errors;
        try {
            errors = Files.readString(stderr);
        } catch (IOException e) {
            errors = "(cannot read " + stderr + ": " + e + ")";
        }
        return "--- stdout ---\n" + String.join("\n", otherOutput) + "\n--- stderr ---\n" + errors;
    }
}
