package dev.oauthagent.agent.scrub;

import dev.oauthagent.bootstrap.Bridge;
import dev.oauthagent.bootstrap.LogScrubber;

import java.io.OutputStream;

/**
 * The redactor as the logging hooks see it: the bootstrap {@link LogScrubber} they call through {@link Bridge}.
 * Kept apart from {@link Redactor} because premain builds the redactor (to wrap System.out and System.err
 * before the application writes a line), while the bootstrap classes are only defined afterwards, on the
 * start-up thread: a redactor that implemented a bootstrap interface could not be loaded before that.
 *
 * <p>Each instance holds one {@link SecretSet}, and a new instance is installed in the Bridge whenever
 * {@link LiveSecrets} makes a new set (a token obtained or expired). A logged line then reaches the set's filter
 * in three dependent reads (the Bridge's field, this object, the set) instead of five through the redactor and
 * its source: between two lines, logback's own work and its write to the file push those objects out of the
 * processor's caches, and each read of the chain waits for the one before it (docs/performance.md, session 7).
 */
final class HookScrubber implements LogScrubber {
    private final Redactor redactor;
    private final SecretSet set;

    /**
     * Makes the redactor the one the logging hooks call, with the secrets' current set and each later one. Here,
     * not in {@link LogScrubbing}, which premain loads: verifying this call loads the bootstrap
     * {@link LogScrubber}, which is not a boot class yet then.
     */
    static void install(Redactor redactor, LiveSecrets secrets) {
        secrets.onChange(new Reinstall(redactor));
    }

    private HookScrubber(Redactor redactor, SecretSet set) {
        this.redactor = redactor;
        this.set = set;
    }

    @Override
    public String scrub(String text) {
        return redactor.scrub(set, text);
    }

    @Override
    public byte[] scrub(byte[] bytes, int offset, int length) {
        return redactor.scrub(set, bytes, offset, length);
    }

    @Override
    public OutputStream wrap(OutputStream out) {
        return redactor.wrap(out);
    }

    @Override
    public String toString() {
        return redactor.toString();
    }

    /** Installs a hook scrubber for each new set, before the change that made the set returns. */
    private static final class Reinstall implements LiveSecrets.Listener {
        private final Redactor redactor;

        Reinstall(Redactor redactor) {
            this.redactor = redactor;
        }

        @Override
        public void changed(SecretSet set) {
            Bridge.installScrubber(new HookScrubber(redactor, set));
        }
    }
}
