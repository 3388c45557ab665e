package dev.oauthagent.agent.scrub;

import dev.oauthagent.bootstrap.Bridge;
import dev.oauthagent.bootstrap.LogScrubber;

import java.io.OutputStream;

/**
 * The redactor as the logging hooks see it: the bootstrap {@link LogScrubber} they call through {@link Bridge}.
 * Kept apart from {@link Redactor} because premain builds the redactor (to wrap System.out and System.err
 * before the application writes a line), while the bootstrap classes are only defined afterwards, on the
 * start-up thread: a redactor that implemented a bootstrap interface could not be loaded before that.
 */
final class HookScrubber implements LogScrubber {
    private final Redactor redactor;

    /**
     * Makes the redactor the one the logging hooks call. Here, not in {@link LogScrubbing}, which premain loads:
     * verifying this call loads the bootstrap {@link LogScrubber}, which is not a boot class yet then.
     */
    static void install(Redactor redactor) {
        Bridge.installScrubber(new HookScrubber(redactor));
    }

    private HookScrubber(Redactor redactor) {
        this.redactor = redactor;
    }

    @Override
    public String scrub(String text) {
        return redactor.scrub(text);
    }

    @Override
    public byte[] scrub(byte[] bytes, int offset, int length) {
        return redactor.scrub(bytes, offset, length);
    }

    @Override
    public OutputStream wrap(OutputStream out) {
        return redactor.wrap(out);
    }

    @Override
    public String toString() {
        return redactor.toString();
    }
}
