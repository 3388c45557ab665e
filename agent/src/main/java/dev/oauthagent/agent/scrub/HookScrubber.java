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
 * {@link LiveSecrets} makes a new set (a token obtained or expired). A clean line, nearly every line, is ruled
 * out here, from the set filter's anchor pairs as bits kept in a field of this object: the line reaches them in
 * two dependent reads (the Bridge's field, this object) instead of six through the redactor, its source, the set
 * and the filter. Between two lines logback's own work and its write to the file push those objects out of the
 * processor's caches, and each read of the chain waits for the one before it, so each read saved is one cache
 * miss less per line (docs/decisions/0014). Only a line the bits do not rule out goes to
 * the redactor, which reads the pairs again and decides.
 */
final class HookScrubber implements LogScrubber {
    /** The set's {@link CandidateFilter#anchorPairBits}: the only object besides this one a clean line reads. */
    private final long[] anchorPairBits;
    private final Redactor redactor;
    private final SecretSet set;
    private final TerminalStreams terminals;

    /**
     * Makes the redactor the one the logging hooks call, with the secrets' current set and each later one. Here,
     * not in {@link LogScrubbing}, which premain loads: verifying this call loads the bootstrap
     * {@link LogScrubber}, which is not a boot class yet then.
     */
    static void install(Redactor redactor, LiveSecrets secrets, TerminalStreams terminals) {
        secrets.onChange(new Reinstall(redactor, terminals));
    }

    private HookScrubber(Redactor redactor, SecretSet set, TerminalStreams terminals) {
        this.anchorPairBits = set.filter().anchorPairBits(redactor.patterns());
        this.redactor = redactor;
        this.set = set;
        this.terminals = terminals;
    }

    @Override
    public String scrub(String text) {
        if (isClean(text)) {
            return text;
        }
        return redactor.scrub(set, text);
    }

    @Override
    public byte[] scrub(byte[] bytes, int offset, int length) {
        if (isClean(bytes, offset, length)) {
            return null;
        }
        return redactor.scrub(set, bytes, offset, length);
    }

    /**
     * True only when the anchor pair bits rule the whole line out. A line the redactor would withhold as too long,
     * or one the bits cannot be read over (a caller's bad range: the redactor withholds it), is not clean.
     */
    private boolean isClean(byte[] bytes, int offset, int length) {
        try {
            return length <= Redactor.MAX_LINE_LENGTH
                    && CandidateFilter.noAnchorPair(anchorPairBits, bytes, offset, offset + length);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private boolean isClean(String text) {
        try {
            return text.length() <= Redactor.MAX_LINE_LENGTH
                    && CandidateFilter.noAnchorPair(anchorPairBits, text);
        } catch (RuntimeException e) {
            return false; // null: the redactor returns it as it is
        }
    }

    @Override
    public OutputStream wrap(OutputStream out) {
        return redactor.wrap(out);
    }

    @Override
    public OutputStream wrapTerminal(OutputStream out) {
        return out instanceof ScrubbingOutputStream ? out : terminals.open(out);
    }

    @Override
    public String toString() {
        return redactor.toString();
    }

    /** Installs a hook scrubber for each new set, before the change that made the set returns. */
    private static final class Reinstall implements LiveSecrets.Listener {
        private final Redactor redactor;
        private final TerminalStreams terminals;

        Reinstall(Redactor redactor, TerminalStreams terminals) {
            this.redactor = redactor;
            this.terminals = terminals;
        }

        @Override
        public void changed(SecretSet set) {
            Bridge.installScrubber(new HookScrubber(redactor, set, terminals));
        }
    }
}
