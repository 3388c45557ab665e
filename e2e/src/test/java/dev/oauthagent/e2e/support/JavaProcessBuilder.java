package dev.oauthagent.e2e.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** How to start a child JVM: what to run, with which JVM options, environment and arguments. */
public final class JavaProcessBuilder {
    /**
     * Fast start-up for short-lived test JVMs (JIT tier 1, serial GC, class-data sharing), each paired
     * with the options that override it: a test setting one of those keeps its own choice.
     */
    private static final Map<String, Pattern> SPEED_FLAGS = speedFlags();
    private static final String AGENT_ENV_PREFIX = "OAUTH_AGENT_";

    private final String name;
    private Path jar;
    private final List<Path> classpath = new ArrayList<>();
    private String mainClass;
    private final List<String> jvmArgs = new ArrayList<>();
    private final List<String> args = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private boolean inheritAgentEnv;
    private boolean speedFlags = true;
    private Path javaBin;
    private Path workingDirectory;

    JavaProcessBuilder(String name) {
        this.name = name;
    }

    /** Runs {@code java -jar jar}. */
    public JavaProcessBuilder jar(Path jar) {
        this.jar = jar;
        return this;
    }

    /** Adds class path entries for {@link #mainClass(String)}. */
    public JavaProcessBuilder classpath(Path... entries) {
        classpath.addAll(Arrays.asList(entries));
        return this;
    }

    /** Runs {@code java -cp <classpath> mainClass}. */
    public JavaProcessBuilder mainClass(String mainClass) {
        this.mainClass = mainClass;
        return this;
    }

    /** Runs a class of this test module: its compiled classes directory goes on the class path. */
    public JavaProcessBuilder mainClass(Class<?> mainClass) {
        try {
            classpath(Path.of(mainClass.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot locate the class path entry of " + mainClass, e);
        }
        return mainClass(mainClass.getName());
    }

    public JavaProcessBuilder jvmArgs(String... options) {
        jvmArgs.addAll(Arrays.asList(options));
        return this;
    }

    /** Adds {@code -javaagent:jar=agentArgs} ({@code agentArgs} may be null for none). */
    public JavaProcessBuilder javaAgent(Path agentJar, String agentArgs) {
        return jvmArgs("-javaagent:" + agentJar + (agentArgs == null ? "" : "=" + agentArgs));
    }

    /**
     * Sets an environment variable of the child ({@code null} removes an inherited one); only the names are
     * written to the log file, so secrets belong here rather than in arguments.
     */
    public JavaProcessBuilder env(String variable, String value) {
        env.put(variable, value);
        return this;
    }

    /**
     * Keeps OAUTH_AGENT_* variables of the test JVM's environment in the child. By default they are
     * removed, so a developer's own agent settings cannot change what a test sees.
     */
    public JavaProcessBuilder inheritOauthAgentEnv() {
        inheritAgentEnv = true;
        return this;
    }

    /** Leaves out the start-up speed flags (JIT tier 1, serial GC, CDS), e.g. to measure real performance. */
    public JavaProcessBuilder withoutSpeedFlags() {
        speedFlags = false;
        return this;
    }

    /** Program arguments, after the jar or main class. */
    public JavaProcessBuilder args(String... arguments) {
        args.addAll(Arrays.asList(arguments));
        return this;
    }

    /** Another java launcher than {@link E2ePaths#javaBin()}. */
    public JavaProcessBuilder javaBin(Path launcher) {
        this.javaBin = launcher;
        return this;
    }

    public JavaProcessBuilder workingDirectory(Path directory) {
        this.workingDirectory = directory;
        return this;
    }

    /** The full command line {@link #start()} runs. */
    public List<String> command() {
        if ((jar == null) == (mainClass == null)) {
            throw new IllegalStateException(name + ": set exactly one of jar(...) or mainClass(...)");
        }
        List<String> command = new ArrayList<>();
        command.add((javaBin != null ? javaBin : E2ePaths.javaBin()).toString());
        if (speedFlags) {
            SPEED_FLAGS.forEach((flag, overriddenBy) -> {
                if (jvmArgs.stream().noneMatch(option -> overriddenBy.matcher(option).matches())) {
                    command.add(flag);
                }
            });
        }
        command.addAll(jvmArgs);
        if (jar != null) {
            command.add("-jar");
            command.add(jar.toString());
        } else {
            command.add("-cp");
            command.add(classpath.stream().map(Path::toString)
                    .collect(Collectors.joining(File.pathSeparator)));
            command.add(mainClass);
        }
        command.addAll(args);
        return command;
    }

    /**
     * Starts the child with a temp folder of its own ({@link E2ePaths#childTmpRoot()}), which {@link JavaProcess#close()}
     * deletes once the child is gone: Spring Boot's embedded Tomcat, for one, leaves its work folders in
     * {@code java.io.tmpdir} even when it stops cleanly. A {@code -Djava.io.tmpdir} of the test's own comes later on
     * the command line and wins.
     */
    public JavaProcess start() {
        Path tmpDir = newTmpDir();
        List<String> command = command();
        command.add(1, "-Djava.io.tmpdir=" + tmpDir);
        ProcessBuilder builder = new ProcessBuilder(command);
        if (workingDirectory != null) {
            builder.directory(workingDirectory.toFile());
        }
        Map<String, String> childEnv = builder.environment();
        if (!inheritAgentEnv) {
            childEnv.keySet().removeIf(variable -> variable.startsWith(AGENT_ENV_PREFIX));
        }
        env.forEach((variable, value) -> {
            if (value == null) {
                childEnv.remove(variable);
            } else {
                childEnv.put(variable, value);
            }
        });
        return JavaProcess.start(name, builder, new ArrayList<>(env.keySet()), tmpDir);
    }

    private Path newTmpDir() {
        try {
            Path root = Files.createDirectories(E2ePaths.childTmpRoot());
            return Files.createTempDirectory(root, name.replaceAll("[^A-Za-z0-9._-]", "_") + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a temp folder for " + name + " under "
                    + E2ePaths.childTmpRoot(), e);
        }
    }

    private static Map<String, Pattern> speedFlags() {
        Map<String, Pattern> flags = new LinkedHashMap<>();
        flags.put("-XX:TieredStopAtLevel=1", Pattern.compile("-XX:TieredStopAtLevel=.*|-XX:[+-]TieredCompilation"));
        flags.put("-XX:+UseSerialGC", Pattern.compile("-XX:[+]Use\\w*GC"));
        flags.put("-Xshare:auto", Pattern.compile("-Xshare:.*"));
        return flags;
    }
}
