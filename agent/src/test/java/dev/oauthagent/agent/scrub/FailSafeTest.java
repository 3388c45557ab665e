package dev.oauthagent.agent.scrub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** When redaction fails the line is withheld, never passed raw; huge lines are scrubbed, not refused. */
class FailSafeTest {
    private static final String SECRET = "tok_failsafe_0123456789abcdef";

    /** A matcher that fails, with the secret in its message as a careless bug might put it. */
    private final Redactor failing = new Redactor(() -> {
        throw new IllegalStateException("broken matcher while looking for " + SECRET);
    }, true, new Replacement(Replacement.DEFAULT, false));

    @Test
    void failingRedactionWithholdsTheStringAndKeepsItsNewline() {
        assertThat(failing.scrub("token " + SECRET + "\n")).isEqualTo(Redactor.WITHHELD_FAILED + "\n");
    }

    @Test
    void failingRedactionWithholdsTheBytes() {
        byte[] line = ("token " + SECRET + "\r\n").getBytes(StandardCharsets.UTF_8);
        assertThat(new String(failing.scrub(line, 0, line.length), StandardCharsets.UTF_8))
                .isEqualTo(Redactor.WITHHELD_FAILED + "\r\n");
    }

    @Test
    void failingRedactionWithholdsWhatAStreamWasGiven() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = failing.wrap(sink)) {
            out.write(("token " + SECRET + "\n").getBytes(StandardCharsets.UTF_8));
        }
        assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo(Redactor.WITHHELD_FAILED + "\n")
                .doesNotContain(SECRET);
    }

    @Test
    void streamWhoseSinkFailsPassesTheSinksExceptionWithoutTheSecret() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }
        };
        OutputStream out = Redactors.exact(SECRET).wrap(broken);
        try {
            out.write(("token " + SECRET + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            assertThat(e).hasMessage("disk full");
            assertThat(String.valueOf(e)).doesNotContain(SECRET);
            return;
        }
        throw new AssertionError("the sink's IOException was swallowed");
    }

    @Test
    void tenMegabyteLineWithSecretsIsScrubbedWhole() {
        char[] filler = new char[5 * 1024 * 1024];
        Arrays.fill(filler, 'x');
        String half = new String(filler).replace("xxxxxxxxxx", "xxxx xxxxx");
        String line = half + SECRET + half + " Bearer tok_unknown_9876543210ab " + SECRET;
        String scrubbed = Redactors.withPatterns(SECRET).scrub(line);
        // Compared as a boolean: a failure must not print 10 MB.
        assertThat(scrubbed.equals(half + "[REDACTED]" + half + " Bearer [REDACTED] [REDACTED]")).isTrue();
    }

    @Test
    void tenMegabyteLineWrittenInChunksThroughAStreamIsScrubbedWhole() throws IOException {
        byte[] filler = new byte[10 * 1024 * 1024];
        Arrays.fill(filler, (byte) 'y');
        byte[] secret = SECRET.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(secret, 0, filler, 3 * 1024 * 1024 - 5, secret.length); // across an 8 KiB chunk edge
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = Redactors.withPatterns(SECRET).wrap(sink)) {
            for (int off = 0; off < filler.length; off += 8192) {
                out.write(filler, off, Math.min(8192, filler.length - off));
                out.flush();
            }
            out.write('\n');
        }
        String result = sink.toString(StandardCharsets.US_ASCII);
        assertThat(result.length()).isEqualTo(filler.length - secret.length + "[REDACTED]".length() + 1);
        assertThat(result.contains(SECRET)).isFalse();
        assertThat(result.indexOf("[REDACTED]")).isEqualTo(3 * 1024 * 1024 - 5);
    }

    @Test
    void adversarialRepetitionsOfKeywordsAreScrubbed() {
        String[] units = {"Bearer ", "eyJ.", "access_token=", "Authorization: ", "bearer bearer x", "\"id_token\":"};
        for (String unit : units) {
            StringBuilder sb = new StringBuilder();
            while (sb.length() < 512 * 1024) {
                sb.append(unit);
            }
            String line = sb.toString();
            String scrubbed = Redactors.withPatterns(SECRET).scrub(line);
            assertThat(scrubbed.startsWith("[oauth-agent")).as(unit).isFalse();
        }
    }
}
