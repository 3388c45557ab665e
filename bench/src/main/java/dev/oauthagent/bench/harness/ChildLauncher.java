package dev.oauthagent.bench.harness;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts a program of {@code dev.oauthagent.bench.apps} in a fresh JVM (the harness's own {@code java}) and
 * times it from {@link ProcessBuilder#start()} to the exit of the process. Output goes to files, not pipes,
 * so no reader thread of the harness competes with the child for the two cores while it is timed.
 */
final class ChildLauncher {
    private static final long TIMEOUT_MINUTES = 5;

    private final Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    private final String classPath;
    private final Path workDir;
    private final String clientSecret;

    ChildLauncher(Path appsJar, Path workDir, String clientSecret) {
        this(List.of(appsJar), workDir, clientSecret);
    }

    /** A child whose programs need libraries beside the apps jar (LogLoop: slf4j and logback). */
    ChildLauncher(List<Path> classPath, Path workDir, String clientSecret) {
        List<String> entries = new ArrayList<>();
        for (Path entry : classPath) {
            entries.add(entry.toString());
        }
        this.classPath = String.join(File.pathSeparator, entries);
        this.workDir = workDir;
        this.clientSecret = clientSecret;
    }

    /** A child whose programs need {@code libraries} beside the apps jar. */
    static ChildLauncher withLibraries(Path appsJar, List<Path> libraries, Path workDir, String clientSecret) {
        List<Path> classPath = new ArrayList<>(List.of(appsJar));
        classPath.addAll(libraries);
        return new ChildLauncher(classPath, workDir, clientSecret);
    }

    /** The child's command and environment; the caller chooses where its input and output go. */
    ProcessBuilder builder(JvmVariant variant, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(variant.jvmArgs());
        command.add("-cp");
        command.add(classPath);
        command.add("dev.oauthagent.bench.apps." + mainClass);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().put(AgentConfigFile.SECRET_ENV, clientSecret);
        // An inherited JAVA_TOOL_OPTIONS (another agent, a debugger) would spoil every figure.
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        return builder;
    }

    Path workDir() {
        return workDir;
    }

    ChildRun run(JvmVariant variant, String mainClass, String... args) throws IOException, InterruptedException {
        Path out = workDir.resolve("child.out");
        Path err = workDir.resolve("child.err");
        ProcessBuilder builder = builder(variant, mainClass, args)
                .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);

        long start = System.nanoTime();
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(mainClass + " (" + variant.name() + ") still running after "
                    + TIMEOUT_MINUTES + " minutes; killed");
        }
        long wallNanos = System.nanoTime() - start;
        String label = mainClass + " (" + variant.name() + ")";
        return new ChildRun(label, process.exitValue(), wallNanos, Files.readString(out), Files.readString(err));
    }
}
