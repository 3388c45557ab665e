package dev.oauthagent.e2e.scrub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The logback app with logback and slf4j on the module path: logback-core is then the named module
 * {@code ch.qos.logback.core}, whose hooked appender calls into the agent's bootstrap classes in the boot
 * loader's unnamed module (the JVM lets a module an agent transformed read it). The whole scrubbing contract
 * must hold as on the class path; the class-load log proves the hooked appender came from the named module, and
 * the file appender's own output (not the scrubbed console) proves the hook ran there.
 */
class LogbackModulePathScrubIT extends ScrubContract {
    /**
     * One for the test class (the app runs are shared by its tests), deleted after them with whatever is in it: the
     * JVM's unified logging rotates an existing log file to class-load.log.0, .1... at start, and each run starts one.
     */
    @TempDir
    static Path dir;

    @Override
    protected String appName() {
        return "logback-app";
    }

    @Override
    protected List<String> jvmArgs() {
        return List.of("--module-path", modulePath(), "--add-modules", "ch.qos.logback.classic",
                "-Xlog:class+load=info:file=" + classLoadLog());
    }

    @Test
    void theHookedAppenderIsLogbackCoresNamedModule() throws IOException {
        defaultRunOutput("stdout");

        List<String> appenderLoads;
        try (Stream<String> lines = Files.lines(classLoadLog())) {
            appenderLoads = lines.filter(line -> line.contains(" ch.qos.logback.core.OutputStreamAppender "))
                    .collect(Collectors.toList());
        }
        assertThat(appenderLoads).hasSize(1);
        assertThat(appenderLoads.get(0)).contains("logback-core-").doesNotContain("logback-app.jar");
    }

    @Test
    void theFileAppenderWritesEveryLeakWithItsSecretReplaced() {
        String file = defaultRunOutput("log file app.log");

        assertThat(file).contains("LEAK ").contains("[REDACTED");
    }

    private static String modulePath() {
        Path dir = Paths.get(System.getProperty("e2e.logbackModulePath", "target/logback-module-path"));
        try (Stream<Path> jars = Files.list(dir)) {
            List<String> paths = jars.filter(jar -> jar.toString().endsWith(".jar")).map(Path::toString).sorted()
                    .collect(Collectors.toList());
            assertThat(paths).as("logback and slf4j jars in %s", dir).hasSize(3);
            return String.join(File.pathSeparator, paths);
        } catch (IOException e) {
            throw new UncheckedIOException(dir + " is missing: it is filled by `mvn verify` in e2e", e);
        }
    }

    private static Path classLoadLog() {
        return dir.resolve("class-load.log");
    }
}
