package dev.oauthagent.agent.instrument.juli;

import static dev.oauthagent.agent.instrument.ReplacingScrubber.REPLACEMENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.apache.juli.AsyncFileHandler;
import org.apache.juli.FileHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.oauthagent.agent.instrument.InstalledInstrumentation;
import dev.oauthagent.agent.instrument.ReplacingScrubber;
import dev.oauthagent.bootstrap.Bridge;

/**
 * Drives Tomcat JULI's real FileHandler and AsyncFileHandler (from tomcat-embed-core on the test class path)
 * through the rewritten {@code openWriter}, installed in this JVM with the agent's hook-point transformer.
 */
class JuliInstrumentationTest {
    private static final String SECRET = "juli-secret-5f1c9a";
    private static final long DEADLINE_NANOS = 30L * 1000 * 1000 * 1000;

    private static InstalledInstrumentation installed;

    @TempDir
    Path dir;

    @BeforeAll
    static void instrumentJuli() throws Exception {
        Bridge.installScrubber(new ReplacingScrubber(SECRET)); // prepare() transforms only with scrubbing on
        installed = InstalledInstrumentation.install(new JuliInstrumentation());
    }

    @AfterAll
    static void restoreJuli() throws Exception {
        installed.close();
    }

    @AfterEach
    void removeRedactor() {
        Bridge.installScrubber(null);
    }

    /** bufferSize -1 (JULI's default) flushes every line; above 0 puts a BufferedOutputStream under the writer. */
    @ParameterizedTest(name = "bufferSize {0}")
    @ValueSource(ints = {-1, 16384})
    void fileHandlerWritesTheLineWithTheSecretReplaced(int bufferSize) throws Exception {
        Bridge.installScrubber(new ReplacingScrubber(SECRET));

        assertThat(fileAfterOneRecord("calling billing with Bearer " + SECRET + " now", bufferSize))
                .isEqualTo("calling billing with Bearer " + REPLACEMENT + " now\n").doesNotContain(SECRET);
    }

    @Test
    void asyncFileHandlerWritesTheLineWithTheSecretReplaced() throws Exception {
        Bridge.installScrubber(new ReplacingScrubber(SECRET));
        AsyncFileHandler handler = handler(new AsyncFileHandler(dir.toString(), "localhost.", ".log"));

        handler.publish(record("token " + SECRET));
        handler.publish(record("last line"));
        String written = awaitFileEndingWith("localhost.", "last line\n");
        handler.close();

        assertThat(written).isEqualTo("token " + REPLACEMENT + "\nlast line\n").doesNotContain(SECRET);
    }

    @Test
    void theFileOpenedWhenTheDateRollsOverIsScrubbedToo() throws Exception {
        Bridge.installScrubber(new ReplacingScrubber(SECRET));
        FileHandler handler = handler(new FileHandler(dir.toString(), "catalina.", ".log"));
        handler.publish(record("before midnight"));
        Files.delete(onlyPath("catalina.")); // on Linux the old writer keeps the unlinked file: the next is new
        pretendTheFileIsFromAnotherDay(handler);

        handler.publish(record("after midnight " + SECRET));
        handler.close();

        assertThat(onlyFile("catalina.")).isEqualTo("after midnight " + REPLACEMENT + "\n");
    }

    @Test
    void fileHandlerDefinedByAnotherClassLoaderIsScrubbedToo() throws Exception {
        // As in a container that loads JULI in a loader of its own: a second FileHandler class, from the same
        // jar, defined by a loader that sees only the JDK and the bootstrap classes (boot classes in production).
        Bridge.installScrubber(new ReplacingScrubber(SECRET));
        URL jar = FileHandler.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar}, new JdkAndBootstrapClasses())) {
            Class<?> type = Class.forName(JuliInstrumentation.TARGET, true, loader);
            assertThat(type).isNotSameAs(FileHandler.class);
            Handler handler = handler((Handler) type.getConstructor(String.class, String.class, String.class)
                    .newInstance(dir.toString(), "container.", ".log"));

            handler.publish(record("Bearer " + SECRET));
            handler.close();
        }

        assertThat(onlyFile("container.")).isEqualTo("Bearer " + REPLACEMENT + "\n");
    }

    @Test
    void cleanLinesAreWrittenAsTheFormatterMadeThem() throws Exception {
        Bridge.installScrubber(new ReplacingScrubber(SECRET));

        assertThat(fileAfterOneRecord("nothing secret: Bearer <none>, é ü", -1))
                .isEqualTo("nothing secret: Bearer <none>, é ü\n");
    }

    @Test
    void withNoRedactorInstalledTheFileIsWrittenAsItIs() throws Exception {
        assertThat(fileAfterOneRecord("Bearer " + SECRET, -1)).isEqualTo("Bearer " + SECRET + "\n");
    }

    @Test
    void theTargetNameIsJulisFileHandler() {
        assertThat(JuliInstrumentation.TARGET).isEqualTo(FileHandler.class.getName());
    }

    /** What a new FileHandler writes to its {@code catalina.<date>.log} for one record, closed after it. */
    private String fileAfterOneRecord(String message, int bufferSize) throws IOException {
        FileHandler handler = handler(new FileHandler(dir.toString(), "catalina.", ".log", 90, true, bufferSize));
        handler.publish(record(message));
        handler.close();
        return onlyFile("catalina.");
    }

    private static <H extends Handler> H handler(H handler) throws IOException {
        handler.setEncoding("UTF-8");
        handler.setFormatter(new MessageLine());
        return handler;
    }

    private static LogRecord record(String message) {
        return new LogRecord(Level.INFO, message);
    }

    /** JULI compares today's date with the one its file was opened for on every publish. */
    private static void pretendTheFileIsFromAnotherDay(FileHandler handler) throws ReflectiveOperationException {
        Field date = FileHandler.class.getDeclaredField("date");
        date.setAccessible(true);
        date.set(handler, "2000-01-01");
    }

    private String onlyFile(String prefix) throws IOException {
        return Files.readString(onlyPath(prefix), StandardCharsets.UTF_8);
    }

    private Path onlyPath(String prefix) throws IOException {
        try (var files = Files.list(dir)) {
            List<Path> matching = files.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
            assertThat(matching).as("files %s* in %s", prefix, dir).hasSize(1);
            return matching.get(0);
        }
    }

    /**
     * The async handler opens its file (on the first record: its constructor skips FileHandler's open) and
     * writes on its own thread: poll for the last line, with a generous deadline.
     */
    private String awaitFileEndingWith(String prefix, String end) throws Exception {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        while (true) {
            boolean opened;
            try (var files = Files.list(dir)) {
                opened = files.anyMatch(p -> p.getFileName().toString().startsWith(prefix));
            }
            String text = opened ? onlyFile(prefix) : "";
            if (text.endsWith(end) || System.nanoTime() - deadline > 0) {
                return text;
            }
            Thread.sleep(10); // a poll interval, not a wait for the result: the deadline bounds it
        }
    }

    /**
     * What any class loader sees in production: the JDK and the agent's bootstrap classes, which the agent
     * defines in the boot loader (here they come from the test's class path, so the test shares their Bridge).
     */
    private static final class JdkAndBootstrapClasses extends ClassLoader {
        JdkAndBootstrapClasses() {
            super(ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            if (name.startsWith(Bridge.class.getPackageName() + ".")) {
                return Class.forName(name, false, JuliInstrumentationTest.class.getClassLoader());
            }
            throw new ClassNotFoundException(name);
        }
    }

    /** The message and a newline: what the file must hold is then known exactly. */
    private static final class MessageLine extends Formatter {
        @Override
        public String format(LogRecord record) {
            return record.getMessage() + "\n";
        }
    }
}
