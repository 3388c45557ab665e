package dev.oauthagent.agent.instrument.logback;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import dev.oauthagent.bootstrap.LogScrubber;

/** A stand-in redactor: replaces one known secret with {@code [REDACTED]} and counts the calls it gets. */
final class MarkerScrubber implements LogScrubber {
    static final String SECRET = "tok-3f9a1c77e2b04d51";
    static final String REPLACEMENT = "[REDACTED]";

    final AtomicInteger byteCalls = new AtomicInteger();

    @Override
    public String scrub(String text) {
        return text.contains(SECRET) ? text.replace(SECRET, REPLACEMENT) : text;
    }

    @Override
    public byte[] scrub(byte[] bytes, int offset, int length) {
        byteCalls.incrementAndGet();
        String text = new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        String scrubbed = scrub(text);
        return scrubbed == text ? null : scrubbed.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public OutputStream wrap(OutputStream out) {
        return out;
    }
}
