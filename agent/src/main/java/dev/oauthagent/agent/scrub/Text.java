package dev.oauthagent.agent.scrub;

/**
 * A line to scrub, as chars or as the bytes of an ASCII-compatible encoding, read as code units in
 * {@code [0, length())}. The automaton runs over the underlying array or string directly (its hot loop is
 * written once per form); the fallback patterns, which run only after the keyword pre-filter, read through
 * {@link #charAt}.
 */
abstract class Text {
    abstract int length();

    /** The char, or the byte as 0..255 (non-ASCII bytes of UTF-8 are all at or above 128). */
    abstract int charAt(int i);

    /**
     * Runs the automaton over the text from {@code from} on (nothing the automaton matches may begin before it),
     * reporting positions in the whole text; see {@link SecretAutomaton#run(String, int, int, Findings)}.
     */
    abstract int run(SecretAutomaton automaton, Findings matches, int from);

    /** {@code [from, to)} as a String, for a fingerprint. */
    abstract String substring(int from, int to);

    static Text of(String s) {
        return new Chars(s);
    }

    static Text of(byte[] bytes, int offset, int length) {
        return new Bytes(bytes, offset, length);
    }

    private static final class Chars extends Text {
        private final String s;

        Chars(String s) {
            this.s = s;
        }

        @Override
        int length() {
            return s.length();
        }

        @Override
        int charAt(int i) {
            return s.charAt(i);
        }

        @Override
        int run(SecretAutomaton automaton, Findings matches, int from) {
            return automaton.run(s, 0, from, s.length(), matches);
        }

        @Override
        String substring(int from, int to) {
            return s.substring(from, to);
        }
    }

    private static final class Bytes extends Text {
        private final byte[] bytes;
        private final int offset;
        private final int length;

        Bytes(byte[] bytes, int offset, int length) {
            this.bytes = bytes;
            this.offset = offset;
            this.length = length;
        }

        @Override
        int length() {
            return length;
        }

        @Override
        int charAt(int i) {
            return bytes[offset + i] & 0xff;
        }

        @Override
        int run(SecretAutomaton automaton, Findings matches, int from) {
            return automaton.run(bytes, offset, offset + from, offset + length, matches);
        }

        @Override
        String substring(int from, int to) {
            char[] chars = new char[to - from];
            for (int i = from; i < to; i++) {
                chars[i - from] = (char) (bytes[offset + i] & 0xff);
            }
            return new String(chars);
        }
    }
}
