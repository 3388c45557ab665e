package dev.oauthagent.agent.instrument.log4j2;

import dev.oauthagent.bootstrap.LogScrubber;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Stands in for the redactor: replaces one literal secret, and keeps the contract's "same instance / null when clean". */
final class ReplacingScrubber implements LogScrubber {
    static final String REPLACEMENT = "[REDACTED]";

    private final String secret;

    ReplacingScrubber(String secret) {
        this.secret = secret;
    }

    @Override
    public String scrub(String text) {
        return text.contains(secret) ? text.replace(secret, REPLACEMENT) : text;
    }

    @Override
    public byte[] scrub(byte[] bytes, int offset, int length) {
        // ISO-8859-1 maps every byte to one char, so an ASCII secret is found in UTF-8 text too.
        String text = new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        return text.contains(secret) ? text.replace(secret, REPLACEMENT).getBytes(StandardCharsets.ISO_8859_1) : null;
    }

    @Override
    public OutputStream wrap(OutputStream out) {
        throw new UnsupportedOperationException("the log4j2 hooks scrub whole events, never a stream");
    }
}
