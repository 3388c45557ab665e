package dev.oauthagent.agent.instrument.log4j2;

import dev.oauthagent.agent.instrument.InstalledInstrumentation;
import dev.oauthagent.bootstrap.Bridge;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.OutputStreamManager;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The log4j2 hooks installed with the production hook-point transformer on the real log4j-core in this JVM, with a
 * stand-in redactor that replaces one secret. Every test logs through a fresh logger context that writes one file
 * per appender kind (see log4j2/scrub-test.xml) and stops it before reading, so buffered appenders are flushed.
 */
class Log4j2ScrubbingTest {
    private static final String SECRET = "s3cr3t-T0KEN-4711";
    private static final String[] APPENDER_FILES = {"file.log", "buffered.log", "random-access.log", "rolling.log",
            "rolling-random-access.log", "json.log", "syslog.log"};

    private static InstalledInstrumentation installed;
    private static int contexts;

    @TempDir
    Path dir;

    private LoggerContext context;

    @BeforeAll
    static void installHooks() throws Exception {
        // Loaded before the hooks, as after a runtime attach: the hooks then arrive by retransformation. (Hooks
        // applied as the classes load, the -javaagent case, are what the end-to-end tests run.)
        Class.forName(Log4j2Instrumentation.TEXT_ENCODER);
        Class.forName(Log4j2Instrumentation.OUTPUT_STREAM_MANAGER);
        Bridge.installScrubber(new ReplacingScrubber(SECRET)); // as premain does when scrubbing is on
        installed = InstalledInstrumentation.install(new Log4j2Instrumentation());
    }

    @AfterAll
    static void removeHooks() throws Exception {
        installed.close();
    }

    @BeforeEach
    void scrubOneSecret() {
        Bridge.installScrubber(new ReplacingScrubber(SECRET));
    }

    @AfterEach
    void noScrubber() {
        Bridge.installScrubber(null);
        ThreadContext.clearAll();
        if (context != null) {
            context.stop();
        }
    }

    @Test
    void secretInTheMessageIsReplacedInEveryAppender() throws Exception {
        logger().info("token is " + SECRET + " here");

        assertEveryAppender(text -> assertThat(text).contains("token is [REDACTED] here").doesNotContain(SECRET));
    }

    @Test
    void secretAsAParameterIsReplacedInEveryAppender() throws Exception {
        logger().info("token is {} here", SECRET);

        assertEveryAppender(text -> assertThat(text).contains("token is [REDACTED] here").doesNotContain(SECRET));
    }

    @Test
    void secretInTheThreadContextIsReplacedInEveryAppenderThatPrintsIt() throws Exception {
        ThreadContext.put("session", SECRET);
        logger().info("with context");

        Map<String, String> files = readAll();
        assertThat(files.get("file.log")).isEqualTo("with context [REDACTED]\n");
        assertThat(files.get("json.log")).contains("[REDACTED]");
        files.values().forEach(text -> assertThat(text).doesNotContain(SECRET));
    }

    @Test
    void secretInAnExceptionMessageAndItsCauseIsReplacedInEveryAppender() throws Exception {
        Exception failure = new IllegalStateException("refused " + SECRET,
                new RuntimeException("cause saw Bearer " + SECRET));
        logger().error("call failed", failure);

        Map<String, String> files = readAll();
        assertThat(files.get("file.log")).contains("refused [REDACTED]", "cause saw Bearer [REDACTED]");
        assertThat(files.get("json.log")).contains("refused [REDACTED]", "cause saw Bearer [REDACTED]");
        files.values().forEach(text -> assertThat(text).doesNotContain(SECRET));
    }

    @Test
    void secretThatStraddlesTheEightKilobyteBufferDrainIsReplacedInEveryAppender() throws Exception {
        // log4j's encoders work in 8 KiB byte buffers: put the secret across the first drain.
        String line = "x".repeat(8 * 1024 - 5) + SECRET + "y".repeat(20_000);
        logger().info(line);

        assertEveryAppender(text -> assertThat(text)
                .contains("x".repeat(100) + "[REDACTED]" + "y".repeat(100)).doesNotContain(SECRET));
    }

    @Test
    void cleanLinesComeOutUnchanged() throws Exception {
        logger().info("nothing to hide: 550e8400-e29b-41d4-a716-446655440000 eyJub3QiOiJhIGp3dCJ9");
        logger().info("second line");

        assertThat(readAll().get("file.log")).isEqualTo(
                "nothing to hide: 550e8400-e29b-41d4-a716-446655440000 eyJub3QiOiJhIGp3dCJ9 \nsecond line \n");
    }

    @Test
    void withoutARedactorInstalledTheHooksLeaveEveryLineAsItIs() throws Exception {
        Bridge.installScrubber(null);
        logger().info("token is " + SECRET);

        assertThat(readAll().get("file.log")).isEqualTo("token is " + SECRET + " \n");
    }

    @Test
    void byteArrayPathWithDirectEncodersOffGetsTheScrubbedEvent() {
        // What AbstractOutputStreamAppender does when log4j2.enableDirectEncoders=false: the layout's toByteArray
        // result goes to OutputStreamManager.write(byte[], boolean). (That switch is read once per JVM, so the
        // call is made directly here; the end-to-end test runs a whole app with it.)
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayManager manager = new ByteArrayManager(out);

        manager.writeEvent(("token is " + SECRET + "\n").getBytes(StandardCharsets.UTF_8));
        manager.writeEvent("clean\n".getBytes(StandardCharsets.UTF_8));

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("token is [REDACTED]\nclean\n");
    }

    private Logger logger() {
        System.setProperty("scrubtest.dir", dir.toString());
        try {
            URI config = getClass().getResource("/log4j2/scrub-test.xml").toURI();
            context = new LoggerContext("scrub-test-" + (++contexts), null, config);
            context.start();
            return context.getLogger("app");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            System.clearProperty("scrubtest.dir");
        }
    }

    private Map<String, String> readAll() throws IOException {
        context.stop();
        context = null;
        Map<String, String> files = new TreeMap<>();
        for (String name : APPENDER_FILES) {
            files.put(name, Files.readString(dir.resolve(name), StandardCharsets.UTF_8));
        }
        return files;
    }

    private void assertEveryAppender(java.util.function.Consumer<String> check) throws IOException {
        Map<String, String> files = readAll();
        assertThat(files.keySet()).containsExactlyInAnyOrder(APPENDER_FILES);
        files.forEach((name, text) -> {
            assertThat(text).as(name).isNotEmpty();
            check.accept(text);
        });
    }

    /** An OutputStreamManager over a byte array, to call its protected byte-array write. */
    private static final class ByteArrayManager extends OutputStreamManager {
        ByteArrayManager(ByteArrayOutputStream out) {
            super(out, "byte-array", PatternLayout.createDefaultLayout(), false);
        }

        void writeEvent(byte[] event) {
            write(event, true);
        }
    }
}
