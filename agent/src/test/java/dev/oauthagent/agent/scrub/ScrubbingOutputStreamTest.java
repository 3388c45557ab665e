package dev.oauthagent.agent.scrub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** A secret split across writes and flushes is still found; nothing that may begin one is passed on early. */
class ScrubbingOutputStreamTest {
    private static final String TOKEN = "tok_9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c";
    private static final String TEXT = "start " + TOKEN + " middle\nnext line has the token at the end " + TOKEN
            + "\nauth: Authorization: Bearer opaque-4f3e2d1c0b9a8f7e6d5c and a jwt "
            + "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJiaWxsaW5nIn0.c2lnbmF0dXJl\naccess_token=abc123secretvalue&x=1\n"
            + "no newline at the end " + TOKEN.substring(0, 20);

    private final Redactor redactor = Redactors.withPatterns(TOKEN);

    private String scrubbedInOneWrite() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = redactor.wrap(sink)) {
            out.write(TEXT.getBytes(StandardCharsets.UTF_8));
        }
        return sink.toString(StandardCharsets.UTF_8);
    }

    @Test
    void oneWriteIsScrubbedLikeTheStringScrubber() throws IOException {
        String expected = TEXT.lines().map(redactor::scrub).reduce((a, b) -> a + "\n" + b).orElseThrow();
        assertThat(scrubbedInOneWrite()).isEqualTo(expected)
                .doesNotContain(TOKEN.substring(0, 16)).doesNotContain("opaque-4f3e2d1c0b9a8f7e6d5c")
                .doesNotContain("abc123secretvalue").doesNotContain("c2lnbmF0dXJl");
    }

    @Test
    void textSplitIntoTwoWritesAtEveryOffsetIsScrubbedIdentically() throws IOException {
        assertEverySplitScrubsLikeOneWrite(false);
    }

    @Test
    void textSplitAtEveryOffsetWithAFlushBetweenIsScrubbedIdentically() throws IOException {
        assertEverySplitScrubsLikeOneWrite(true);
    }

    /** Two writes cut at every offset (and flushed between them: nothing of a secret may pass early). */
    private void assertEverySplitScrubsLikeOneWrite(boolean flushBetween) throws IOException {
        String expected = scrubbedInOneWrite();
        byte[] bytes = TEXT.getBytes(StandardCharsets.UTF_8);
        for (int cut = 0; cut <= bytes.length; cut++) {
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            try (OutputStream out = redactor.wrap(sink)) {
                out.write(bytes, 0, cut);
                if (flushBetween) {
                    out.flush();
                    assertThat(sink.toString(StandardCharsets.UTF_8)).as("flushed after %d", cut)
                            .doesNotContain(TOKEN.substring(0, 16)).doesNotContain("opaque-4f3e2d1c0b9a8f7e6d5c");
                }
                out.write(bytes, cut, bytes.length - cut);
            }
            assertThat(sink.toString(StandardCharsets.UTF_8)).as("split at %d", cut).isEqualTo(expected);
        }
    }

    @Test
    void byteByByteWritesWithFlushesAfterEachAreScrubbedIdentically() throws IOException {
        String expected = scrubbedInOneWrite();
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = redactor.wrap(sink)) {
            for (byte b : TEXT.getBytes(StandardCharsets.UTF_8)) {
                out.write(b);
                out.flush();
            }
        }
        assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    @Test
    void flushHoldsBackOnlyThePartialSecretAtTheEnd() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        OutputStream out = redactor.wrap(sink);
        out.write(("prompt> " + TOKEN.substring(0, 10)).getBytes(StandardCharsets.UTF_8));
        out.flush();
        assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo("prompt> ");
        out.write((TOKEN.substring(10) + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo("prompt> [REDACTED]\n");
    }

    @Test
    void flushPassesOnAPromptThatCannotBeginASecret() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        OutputStream out = redactor.wrap(sink);
        out.write("Enter a number: ".getBytes(StandardCharsets.UTF_8));
        out.flush();
        assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo("Enter a number: ");
    }

    @Test
    void closePassesOnAHeldBackPartialSecretScrubbedAsAPrefix() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        OutputStream out = redactor.wrap(sink);
        out.write(("x " + TOKEN.substring(0, 18)).getBytes(StandardCharsets.UTF_8));
        out.flush();
        out.close();
        assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo("x [REDACTED]");
    }

    @Test
    void heldBackPartOfASecretIsNotInTheStreamsToString() throws IOException {
        OutputStream out = redactor.wrap(new ByteArrayOutputStream());
        out.write(("x " + TOKEN.substring(0, 20)).getBytes(StandardCharsets.UTF_8));
        out.flush();
        assertThat(out.toString()).doesNotContain(TOKEN.substring(0, 10)).contains("20 bytes pending");
    }

    @Test
    void concurrentWritersNeverLeakASecretTheyEachWriteInPieces() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        OutputStream out = redactor.wrap(sink);
        Thread[] writers = new Thread[4];
        for (int w = 0; w < writers.length; w++) {
            writers[w] = new Thread(() -> {
                try {
                    for (int i = 0; i < 200; i++) {
                        synchronized (out) { // one line at a time, as PrintStream.println does
                            out.write(("line " + TOKEN.substring(0, 9)).getBytes(StandardCharsets.UTF_8));
                            out.flush();
                            out.write((TOKEN.substring(9) + "\n").getBytes(StandardCharsets.UTF_8));
                        }
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            writers[w].start();
        }
        for (Thread t : writers) {
            t.join();
        }
        out.close();
        String all = sink.toString(StandardCharsets.UTF_8);
        assertThat(all.contains(TOKEN.substring(0, 16))).isFalse();
        assertThat(all.split("\n", -1)).hasSize(801);
    }

    @Test
    void wrappingAScrubbingStreamReturnsIt() {
        OutputStream once = redactor.wrap(new ByteArrayOutputStream());
        assertThat(redactor.wrap(once)).isSameAs(once);
    }
}
