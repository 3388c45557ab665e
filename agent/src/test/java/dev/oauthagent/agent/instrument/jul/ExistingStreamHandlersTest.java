package dev.oauthagent.agent.instrument.jul;

import dev.oauthagent.agent.instrument.ReplacingScrubber;
import dev.oauthagent.bootstrap.LogScrubber;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Handlers made before a runtime attach: real StreamHandlers of this JVM (which has no advice), given a
 * scrubbing stream afterwards. The Instrumentation of this JVM opens java.util.logging as the agent's does.
 */
class ExistingStreamHandlersTest {
    private static final String SECRET = "tok-8d41b09c5e";
    private static ExistingStreamHandlers handlers;

    private final ByteArrayOutputStream sink = new ByteArrayOutputStream();
    private final StreamHandler handler = new StreamHandler(sink, new SimpleFormatter());
    private final Logger logger = Logger.getLogger("ExistingStreamHandlersTest");

    @BeforeAll
    static void bind() throws Exception {
        handlers = ExistingStreamHandlers.bind(ByteBuddyAgent.install());
    }

    @AfterEach
    void detach() {
        logger.removeHandler(handler);
    }

    @Test
    void aHandlerMadeBeforeTheAgentScrubsLinesPublishedAfterItsStreamIsReplaced() throws Exception {
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
        logger.info("published before the agent: request 42 took 12 ms");

        int changed = handlers.scrubRegistered(onlyTheSink(new ReplacingScrubber(SECRET)));
        logger.info("got access token " + SECRET);
        handler.flush();

        assertThat(changed).isEqualTo(1);
        assertThat(written()).doesNotContain(SECRET)
                .contains("INFO: published before the agent: request 42 took 12 ms")
                .contains("INFO: got access token [REDACTED]");
    }

    @Test
    void aHandlerThatAlreadyScrubsIsLeftAsItIs() throws Exception {
        ReplacingScrubber scrubber = new ReplacingScrubber(SECRET);

        assertThat(handlers.scrub(handler, scrubber)).isTrue();
        assertThat(handlers.scrub(handler, scrubber)).isFalse();
    }

    @Test
    void aClosedHandlerIsLeftAlone() throws Exception {
        handler.close();

        assertThat(handlers.scrub(handler, new ReplacingScrubber(SECRET))).isFalse();
    }

    @Test
    void theHandlersEncodingIsKept() throws Exception {
        // One byte per character in ISO-8859-1, two for these in the platform's UTF-8: the bytes tell them apart.
        handler.setEncoding("ISO-8859-1");
        handlers.scrub(handler, new ReplacingScrubber(SECRET));

        handler.publish(new LogRecord(Level.INFO, "grüße"));
        handler.flush();

        assertThat(new String(sink.toByteArray(), StandardCharsets.ISO_8859_1)).contains("INFO: grüße");
    }

    private String written() {
        return new String(sink.toByteArray(), StandardCharsets.UTF_8);
    }

    /** Scrubs only this test's sink: the test JVM's own console handler stays as it is. */
    private LogScrubber onlyTheSink(LogScrubber scrubber) {
        return new LogScrubber() {
            @Override
            public String scrub(String text) {
                return scrubber.scrub(text);
            }

            @Override
            public byte[] scrub(byte[] bytes, int offset, int length) {
                return scrubber.scrub(bytes, offset, length);
            }

            @Override
            public OutputStream wrap(OutputStream out) {
                return out == sink ? scrubber.wrap(out) : out;
            }
        };
    }
}
