package dev.oauthagent.agent.instrument;

import dev.oauthagent.bootstrap.LogScrubber;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A stand-in for the agent's redactor in hook tests: replaces one literal with {@code [REDACTED]}. Its
 * streams hold everything back until flush or close, so a secret split across writes is still caught.
 */
public final class ReplacingScrubber implements LogScrubber {
    public static final String REPLACEMENT = "[REDACTED]";

    private final String secret;

    public ReplacingScrubber(String secret) {
        this.secret = secret;
    }

    @Override
    public String scrub(String text) {
        return text.contains(secret) ? text.replace(secret, REPLACEMENT) : text;
    }

    @Override
    public byte[] scrub(byte[] bytes, int offset, int length) {
        String text = new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        String scrubbed = scrub(text);
        return scrubbed == text ? null : scrubbed.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public OutputStream wrap(OutputStream out) {
        return out instanceof Scrubbing ? out : new Scrubbing(out);
    }

    private final class Scrubbing extends FilterOutputStream {
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        Scrubbing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) {
            pending.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            pending.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            byte[] bytes = pending.toByteArray();
            pending.reset();
            byte[] scrubbed = scrub(bytes, 0, bytes.length);
            out.write(scrubbed == null ? bytes : scrubbed);
            out.flush();
        }
    }
}
