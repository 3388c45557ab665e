package dev.oauthagent.agent.instrument.logback;

import static dev.oauthagent.agent.instrument.logback.MarkerScrubber.REPLACEMENT;
import static dev.oauthagent.agent.instrument.logback.MarkerScrubber.SECRET;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ch.qos.logback.core.ContextBase;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.EchoEncoder;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.net.SyslogOutputStream;
import dev.oauthagent.agent.instrument.InstalledInstrumentation;
import dev.oauthagent.bootstrap.Bridge;
import dev.oauthagent.bootstrap.LogScrubber;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.implementation.FieldAccessor;
import net.bytebuddy.implementation.MethodCall;

/**
 * Drives logback-core's real appenders through the real advice, installed in this JVM with the agent's
 * byte-buddy settings. (logback-classic is not needed: every appender writes through logback-core.)
 */
class LogbackInstrumentationTest {
    private static InstalledInstrumentation installed;

    private final ContextBase context = new ContextBase();

    @BeforeAll
    static void instrumentLogback() throws Exception {
        installed = InstalledInstrumentation.install(new LogbackInstrumentation());
    }

    @AfterAll
    static void restoreLogback() throws Exception {
        installed.close();
    }

    @AfterEach
    void removeRedactor() {
        Bridge.installScrubber(null);
    }

    @Test
    void lineWithTheSecretIsWrittenWithTheSecretReplaced() {
        Bridge.installScrubber(new MarkerScrubber());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputStreamAppender<String> appender = appender(out, new EchoEncoder<>());

        appender.doAppend("calling api with Bearer " + SECRET + " now");

        assertThat(text(out)).isEqualTo("calling api with Bearer " + REPLACEMENT + " now" + System.lineSeparator())
                .doesNotContain(SECRET);
    }

    @Test
    void cleanLineIsWrittenExactlyAsTheEncoderProducedIt() {
        MarkerScrubber scrubber = new MarkerScrubber();
        Bridge.installScrubber(scrubber);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputStreamAppender<String> appender = appender(out, new EchoEncoder<>());

        appender.doAppend("order 42 shipped, sha 9f1c2e0");

        assertThat(text(out)).isEqualTo("order 42 shipped, sha 9f1c2e0" + System.lineSeparator());
        assertThat(scrubber.byteCalls).as("the line went through the redactor").hasValue(1);
    }

    @Test
    void withoutARedactorInstalledLogbackWritesEveryLineUnchanged() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputStreamAppender<String> appender = appender(out, new EchoEncoder<>());

        appender.doAppend("first " + SECRET);
        appender.doAppend("second");

        assertThat(text(out)).isEqualTo("first " + SECRET + System.lineSeparator() + "second" + System.lineSeparator());
        assertThat(appender.isStarted()).isTrue();
    }

    @Test
    void redactorThatThrowsGetsTheLineWithheldNotWrittenRawAndLogbackKeepsLogging() {
        Bridge.installScrubber(new ThrowingScrubber());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputStreamAppender<String> appender = appender(out, new EchoEncoder<>());

        appender.doAppend("first " + SECRET);
        appender.doAppend("second " + SECRET);

        assertThat(text(out)).doesNotContain(SECRET)
                .isEqualTo("[oauth-agent: line withheld: redaction failed]\n".repeat(2));
        assertThat(appender.isStarted()).as("logback saw no error").isTrue();
        assertThat(context.getStatusManager().getCopyOfStatusList()).isEmpty();
    }

    @Test
    void encoderHeaderAndFooterAreScrubbedLikeEvents() {
        Bridge.installScrubber(new MarkerScrubber());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputStreamAppender<String> appender = appender(out, new FramingEncoder("header " + SECRET + "\n",
                "footer " + SECRET + "\n"));

        appender.doAppend("event");
        appender.stop();

        assertThat(text(out)).isEqualTo("header " + REPLACEMENT + "\nevent\nfooter " + REPLACEMENT + "\n");
    }

    @Test
    void fileAppenderInPrudentModeWritesTheScrubbedLine(@TempDir Path dir) throws Exception {
        Bridge.installScrubber(new MarkerScrubber());
        Path file = dir.resolve("app.log");
        FileAppender<String> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setEncoder(new EchoEncoder<>());
        appender.setFile(file.toString());
        appender.setPrudent(true);
        appender.start();

        appender.doAppend("token=" + SECRET);
        appender.stop();

        assertThat(Files.readString(file)).isEqualTo("token=" + REPLACEMENT + System.lineSeparator());
    }

    @Test
    void syslogDatagramCarriesTheScrubbedLine() throws Exception {
        Bridge.installScrubber(new MarkerScrubber());
        try (DatagramSocket receiver = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            receiver.setSoTimeout(10_000);
            SyslogOutputStream syslog = new SyslogOutputStream("127.0.0.1", receiver.getLocalPort());
            byte[] line = ("<11>app: Authorization: Bearer " + SECRET).getBytes(StandardCharsets.US_ASCII);

            syslog.write(line, 0, line.length);
            syslog.flush();
            syslog.close();

            DatagramPacket packet = new DatagramPacket(new byte[1024], 1024);
            receiver.receive(packet);
            String sent = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.US_ASCII);
            assertThat(sent).isEqualTo("<11>app: Authorization: Bearer " + REPLACEMENT);
        }
    }

    @Test
    void syslogWriteOfPartOfABufferScrubsOnlyThatPart() throws Exception {
        Bridge.installScrubber(new MarkerScrubber());
        try (DatagramSocket receiver = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            receiver.setSoTimeout(10_000);
            SyslogOutputStream syslog = new SyslogOutputStream("127.0.0.1", receiver.getLocalPort());
            byte[] buffer = ("xxxx" + "key " + SECRET + "yyyy").getBytes(StandardCharsets.US_ASCII);

            syslog.write(buffer, 4, buffer.length - 8);
            syslog.flush();
            syslog.close();

            DatagramPacket packet = new DatagramPacket(new byte[1024], 1024);
            receiver.receive(packet);
            assertThat(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.US_ASCII))
                    .isEqualTo("key " + REPLACEMENT);
        }
    }

    @Test
    void logback12ShapedAppenderWithoutTheStreamWriteMethodIsScrubbedInWriteBytes() throws Exception {
        // logback 1.2's OutputStreamAppender has only the private writeBytes(byte[]); a class of that shape and
        // name, defined in a loader of its own, stands in for it.
        Class<?> logback12 = new ByteBuddy()
                .subclass(Object.class)
                .name(LogbackInstrumentation.APPENDER)
                .defineField("written", byte[].class, Visibility.PUBLIC)
                .defineMethod("writeBytes", void.class, Visibility.PRIVATE).withParameters(byte[].class)
                .intercept(FieldAccessor.ofField("written").setsArgumentAt(0))
                .defineMethod("subAppend", void.class, Visibility.PUBLIC).withParameters(byte[].class)
                .intercept(MethodCall.invoke(named("writeBytes")).withAllArguments())
                .make()
                .load(getClass().getClassLoader(), ClassLoadingStrategy.Default.CHILD_FIRST)
                .getLoaded();
        MarkerScrubber scrubber = new MarkerScrubber();
        Bridge.installScrubber(scrubber);
        Object appender = logback12.getConstructor().newInstance();

        logback12.getMethod("subAppend", byte[].class).invoke(appender,
                (Object) ("Bearer " + SECRET + "\n").getBytes(StandardCharsets.US_ASCII));

        byte[] written = (byte[]) logback12.getField("written").get(appender);
        assertThat(new String(written, StandardCharsets.US_ASCII)).isEqualTo("Bearer " + REPLACEMENT + "\n");
        assertThat(scrubber.byteCalls).hasValue(1);
    }

    private OutputStreamAppender<String> appender(OutputStream out, Encoder<String> encoder) {
        encoder.setContext(context);
        encoder.start();
        OutputStreamAppender<String> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(out);
        appender.start();
        return appender;
    }

    private static String text(ByteArrayOutputStream out) {
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    /** Like EchoEncoder, with a header and a footer, which logback writes through the same path. */
    private static final class FramingEncoder extends ch.qos.logback.core.encoder.EncoderBase<String> {
        private final String header;
        private final String footer;

        FramingEncoder(String header, String footer) {
            this.header = header;
            this.footer = footer;
        }

        @Override
        public byte[] headerBytes() {
            return header.getBytes(StandardCharsets.ISO_8859_1);
        }

        @Override
        public byte[] encode(String event) {
            return (event + "\n").getBytes(StandardCharsets.ISO_8859_1);
        }

        @Override
        public byte[] footerBytes() {
            return footer.getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    private static final class ThrowingScrubber implements LogScrubber {
        @Override
        public String scrub(String text) {
            throw new IllegalStateException("broken redactor");
        }

        @Override
        public byte[] scrub(byte[] bytes, int offset, int length) {
            throw new IllegalStateException("broken redactor");
        }

        @Override
        public OutputStream wrap(OutputStream out) {
            return out;
        }
    }
}
