package dev.oauthagent.agent.scrub;

import dev.oauthagent.agent.token.Fingerprint;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.LongAdder;

/**
 * The agent's log scrubber (the logging hooks reach it through {@link HookScrubber}): replaces every live secret (exact match of all of them in one pass, see
 * {@link SecretSet}) and, unless turned off, credentials found by the {@link CredentialPatterns fallback
 * patterns}. A line without either comes back as it was: the same String, or null for bytes.
 *
 * <p>Fail-safe: if redaction throws (a bug, an OutOfMemoryError on a huge line) or a line is longer than
 * {@link #MAX_LINE_LENGTH}, the line is replaced as a whole by {@link #WITHHELD_FAILED} or
 * {@link #WITHHELD_TOO_LONG}, keeping its line terminator; it is never passed on raw.
 */
public final class Redactor {
    /** 64 Mi characters (or bytes): far beyond any log line; scrubbing it would need several times that in heap. */
    static final int MAX_LINE_LENGTH = 64 * 1024 * 1024;
    static final String WITHHELD_FAILED = "[oauth-agent: line withheld: redaction failed]";
    static final String WITHHELD_TOO_LONG = "[oauth-agent: line withheld: longer than 64 Mi characters]";
    /**
     * How far back a stream holds text that a fallback pattern may still complete (a credential cut by a
     * flush); longer pending matches are judged on what has arrived. Known secrets are always held back in full.
     */
    static final int PATTERN_HOLD_LIMIT = 16 * 1024;

    private static final SecretAutomaton KEYWORDS = keywordAutomaton();

    private final SecretSource secrets;
    private final boolean patterns;
    private final Replacement replacement;
    /** Replacements made, for the metrics: one add per scrubbed line that had any, nothing on a clean line. */
    private final LongAdder redactions = new LongAdder();

    Redactor(SecretSource secrets, boolean patterns, Replacement replacement) {
        this.secrets = secrets;
        this.patterns = patterns;
        this.replacement = replacement;
    }

    /** @param marker e.g. {@code [REDACTED]} */
    public static Redactor create(LiveSecrets secrets, boolean patterns, String marker, boolean fingerprint) {
        return new Redactor(secrets, patterns, new Replacement(marker, fingerprint));
    }

    /** As {@link dev.oauthagent.bootstrap.LogScrubber#scrub(String)}: the same instance when nothing is replaced. */
    public String scrub(String text) {
        return scrub(null, text);
    }

    /**
     * {@link #scrub(String)} against {@code given} rather than the source's current set (null: the current one):
     * for the logging hooks, which are handed each new set as it is made ({@link HookScrubber}) and so save the
     * reads that reach it.
     */
    String scrub(SecretSet given, String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        if (text.length() > MAX_LINE_LENGTH) {
            return withheld(WITHHELD_TOO_LONG, text);
        }
        try {
            SecretSet set = given != null ? given : secrets.current();
            int candidate = set.filter().first(text, patterns, true);
            if (candidate == CandidateFilter.NONE) {
                return text;
            }
            Text t = Text.of(text);
            Findings found = find(t, set, candidate, true, true);
            if (found.isEmpty()) {
                return text;
            }
            StringBuilder out = new StringBuilder(text.length());
            int copied = 0;
            for (int i = 0; i < found.size(); i++) {
                out.append(text, copied, found.start(i)).append(replacementFor(t, set, found, i));
                copied = found.end(i);
            }
            redactions.add(found.size());
            return out.append(text, copied, text.length()).toString();
        } catch (Throwable e) {
            return withheld(WITHHELD_FAILED, text);
        }
    }

    /** As {@link dev.oauthagent.bootstrap.LogScrubber#scrub(byte[], int, int)}: null when nothing is replaced. */
    public byte[] scrub(byte[] bytes, int offset, int length) {
        return scrub(null, bytes, offset, length);
    }

    /** {@link #scrub(byte[], int, int)} against {@code given}, as {@link #scrub(SecretSet, String)}. */
    byte[] scrub(SecretSet given, byte[] bytes, int offset, int length) {
        if (length == 0) {
            return null;
        }
        if (length > MAX_LINE_LENGTH) {
            return withheld(WITHHELD_TOO_LONG, bytes, offset, length);
        }
        try {
            SecretSet set = given != null ? given : secrets.current();
            int candidate = set.filter().first(bytes, offset, offset + length, patterns, true);
            if (candidate == CandidateFilter.NONE) {
                return null;
            }
            Text t = Text.of(bytes, offset, length);
            Findings found = find(t, set, candidate, true, true);
            if (found.isEmpty()) {
                return null;
            }
            Output out = new Output(length + 32);
            write(bytes, offset, length, t, set, found, out);
            return out.toByteArray();
        } catch (Throwable e) {
            return withheld(WITHHELD_FAILED, bytes, offset, length);
        }
    }

    /** Secrets and credentials replaced so far, in every line and stream this redactor scrubbed. */
    public long redactions() {
        return redactions.sum();
    }

    /** Whether the fallback patterns run: their keywords count as starts. */
    boolean patterns() {
        return patterns;
    }

    /** As {@link dev.oauthagent.bootstrap.LogScrubber#wrap(OutputStream)}: {@code out} itself when it already scrubs. */
    public OutputStream wrap(OutputStream out) {
        if (out instanceof ScrubbingOutputStream || out instanceof ScrubbingPrintStream) {
            return out;
        }
        return new ScrubbingOutputStream(out, this);
    }

    /**
     * For a stream: writes the scrubbed form of {@code bytes[0, length)} up to the point where a secret or
     * pattern may still be open (everything when {@code complete}) to {@code out}; returns how many input
     * bytes that consumed. The caller keeps the rest and passes it again with what follows.
     */
    int scrubTo(byte[] bytes, int length, boolean complete, OutputStream out) throws IOException {
        if (isClean(bytes, length, complete)) {
            out.write(bytes, 0, length);
            return length;
        }
        Output scrubbed = new Output(length + 32);
        int consumed;
        try {
            Text t = Text.of(bytes, 0, length);
            SecretSet set = secrets.current();
            Findings found = find(t, set, 0, complete, complete);
            if (!complete && found.patternOpenFrom() < length - PATTERN_HOLD_LIMIT) {
                found = find(t, set, 0, false, true); // a pattern open this long is judged on what has arrived
            }
            consumed = complete ? length : found.completeBefore(Math.min(length, found.openFrom()));
            if (consumed <= 0) {
                return 0;
            }
            write(bytes, 0, consumed, t, set, found, scrubbed);
        } catch (Throwable e) {
            byte[] withheld = withheld(WITHHELD_FAILED, bytes, 0, length);
            out.write(withheld);
            return length;
        }
        scrubbed.writeTo(out); // outside the try: the sink's IOException is the caller's, not a redaction failure
        return consumed;
    }

    /** True when the filter rules out anything to replace or hold back; false if it fails (the exact scan decides). */
    private boolean isClean(byte[] bytes, int length, boolean complete) {
        try {
            return secrets.current().filter().first(bytes, 0, length, patterns, complete) == CandidateFilter.NONE;
        } catch (Throwable e) {
            return false;
        }
    }

    /** @param from where the scans start: nothing to replace begins before it (the filter's first candidate) */
    private Findings find(Text text, SecretSet set, int from, boolean secretsComplete, boolean patternsComplete) {
        int length = text.length();
        Findings found = new Findings();
        SecretAutomaton automaton = set.automaton();
        if (!automaton.isEmpty()) {
            int state = text.run(automaton, found, from);
            if (!secretsComplete) {
                found.openFrom(length - automaton.depth(state));
            }
        }
        if (!patterns) {
            return found;
        }
        Findings keywords = new Findings();
        int state = text.run(KEYWORDS, keywords, from);
        if (!patternsComplete) {
            found.openFrom(length - KEYWORDS.depth(state));
        }
        if (keywords.isEmpty()) {
            return found;
        }
        Findings matches = CredentialPatterns.find(text, keywords.start(0), patternsComplete, replacement.stem());
        Findings all = found.union(matches);
        all.patternOpenFrom(matches.openFrom());
        return all;
    }

    private void write(byte[] bytes, int offset, int length, Text t, SecretSet set, Findings found, Output out) {
        int copied = 0;
        int i = 0;
        for (; i < found.size() && found.end(i) <= length; i++) {
            out.write(bytes, offset + copied, found.start(i) - copied);
            out.writeAscii(replacementFor(t, set, found, i));
            copied = found.end(i);
        }
        out.write(bytes, offset + copied, length - copied);
        redactions.add(i);
    }

    private String replacementFor(Text t, SecretSet set, Findings found, int i) {
        if (!replacement.withFingerprint()) {
            return replacement.text(null);
        }
        int id = found.id(i);
        return replacement.text(id == Findings.PATTERN ? Fingerprint.of(t.substring(found.start(i), found.end(i)))
                : set.fingerprint(id));
    }

    private static String withheld(String notice, String line) {
        return notice + lineTerminator(line.endsWith("\r\n"), line.endsWith("\n"));
    }

    /** The notice, ending as the line did; a range that is not inside {@code bytes} gets none. */
    private static byte[] withheld(String notice, byte[] bytes, int offset, int length) {
        boolean inside = bytes != null && offset >= 0 && length > 0 && offset <= bytes.length - length;
        boolean lf = inside && bytes[offset + length - 1] == '\n';
        boolean crlf = lf && length > 1 && bytes[offset + length - 2] == '\r';
        return (notice + lineTerminator(crlf, lf)).getBytes(StandardCharsets.US_ASCII);
    }

    private static String lineTerminator(boolean crlf, boolean lf) {
        return crlf ? "\r\n" : lf ? "\n" : "";
    }

    private static SecretAutomaton keywordAutomaton() {
        int[] ids = new int[CredentialPatterns.KEYWORDS.size()];
        return SecretAutomaton.build(CredentialPatterns.KEYWORDS, ids, 0, true);
    }

    @Override
    public String toString() {
        return "Redactor{" + secrets.current() + ", patterns=" + patterns + "}";
    }

    /** A growable byte array; ByteArrayOutputStream would synchronize on every write. */
    private static final class Output {
        private byte[] buf;
        private int count;

        Output(int capacity) {
            buf = new byte[capacity];
        }

        void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, buf, count, len);
            count += len;
        }

        void writeAscii(String s) {
            ensure(s.length());
            for (int i = 0; i < s.length(); i++) {
                buf[count++] = (byte) s.charAt(i);
            }
        }

        private void ensure(int more) {
            if (count + more > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, count + more));
            }
        }

        byte[] toByteArray() {
            return java.util.Arrays.copyOf(buf, count);
        }

        void writeTo(OutputStream out) throws IOException {
            out.write(buf, 0, count);
        }
    }
}
