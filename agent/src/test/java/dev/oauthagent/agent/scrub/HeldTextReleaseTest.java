package dev.oauthagent.agent.scrub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * What a standard stream holds back because it may begin a secret comes out once the writer has been quiet for
 * the quiet period, and at exit; a secret arriving in pieces closer together than that is never passed on early.
 * Time is the test's ({@link ManualHeldTextTimer}).
 */
class HeldTextReleaseTest {
    private static final String TOKEN = "tok_9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c";

    private final Redactor redactor = Redactors.withPatterns(TOKEN);
    private final ManualHeldTextTimer timer = new ManualHeldTextTimer();
    private final ByteArrayOutputStream sink = new ByteArrayOutputStream();
    private final ScrubbingOutputStream out = new ScrubbingOutputStream(sink, redactor, timer);

    private void print(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush(); // as the autoflush PrintStream around System.out does after every print
    }

    private String written() {
        return sink.toString(StandardCharsets.UTF_8);
    }

    @Test
    void textEndingInWhatMayBeginASecretComesOutWholeOnceTheWriterIsQuiet() throws IOException {
        print("Done");
        assertThat(written()).isEqualTo("Don"); // "e" may begin "eyJ"
        timer.advanceMillis(199);
        assertThat(written()).isEqualTo("Don");
        timer.advanceMillis(1);
        assertThat(written()).isEqualTo("Done");
    }

    @Test
    void anOpenAuthorizationHeaderComesOutRedactedOnceTheWriterIsQuiet() throws IOException {
        print("Authorization: Bearer opaque-4f3e2d1c0b9a8f7e6d5c");
        assertThat(written()).isEmpty();
        timer.advanceMillis(200);
        assertThat(written()).isEqualTo("Authorization: Bearer [REDACTED]");
    }

    @Test
    void aSecretPrintedInPiecesCloserThanTheQuietPeriodIsNeverPassedOnEarly() throws IOException {
        print("token ");
        for (int at = 0; at < TOKEN.length(); at += 4) {
            print(TOKEN.substring(at, Math.min(at + 4, TOKEN.length())));
            timer.advanceMillis(150);
            assertThat(written()).as("after %d characters", at + 4).isEqualTo("token ");
        }
        print(" end");
        timer.advanceMillis(200);
        assertThat(written()).isEqualTo("token [REDACTED] end");
    }

    @Test
    void aPromptWaitingForInputComesOutAfterTheQuietPeriodAndTheAnswerFollows() throws IOException {
        print("Type your name and press Enter");
        assertThat(written()).isEqualTo("Type your name and press Ente"); // "r" may begin "refresh_token"
        timer.advanceMillis(200);
        assertThat(written()).isEqualTo("Type your name and press Enter");
        print(": Ada\n");
        assertThat(written()).isEqualTo("Type your name and press Enter: Ada\n");
    }

    @Test
    void nothingHeldMeansNoCheckIsScheduled() throws IOException {
        print("a whole line\n");
        print("Name: ");
        assertThat(written()).isEqualTo("a whole line\nName: ");
        assertThat(timer.scheduled()).isZero();
    }

    @Test
    void textWrittenButNeverFlushedIsNotReleasedAsTheJdksBufferedStreamWouldNotWriteItEither() throws IOException {
        out.write('A');
        timer.advanceMillis(1000);
        assertThat(out.releaseFlushed(0)).isTrue();
        assertThat(written()).isEmpty();
    }

    @Test
    void atExitEverythingFlushedComesOutScrubbedWithoutWaitingForTheQuietPeriod() throws IOException {
        print("x " + TOKEN.substring(0, 20));
        assertThat(written()).isEqualTo("x ");
        assertThat(out.releaseFlushed(0)).isTrue();
        assertThat(written()).isEqualTo("x [REDACTED]");
    }

    @Test
    void exitReleaseGivesUpOnAStreamAWriterIsStuckIn() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch unblock = new CountDownLatch(1);
        OutputStream stuck = new OutputStream() {
            @Override
            public void write(int b) {
            }

            @Override
            public void write(byte[] b, int off, int len) {
                inside.countDown();
                awaitQuietly(unblock);
            }
        };
        ScrubbingOutputStream blocked = new ScrubbingOutputStream(stuck, redactor, timer);
        Thread writer = new Thread(() -> {
            try {
                blocked.write("a line to a full pipe\n".getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();
        assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();
        try {
            assertThat(blocked.releaseFlushed(1)).isFalse();
        } finally {
            unblock.countDown();
            writer.join();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
