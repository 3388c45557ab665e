package dev.oauthagent.agent.scrub;

import java.util.ArrayList;
import java.util.List;

/**
 * The redactor's first look at a line: one cheap pass that finds where something it would replace may begin, so
 * that a clean line (nearly every line) costs a table lookup per character and nothing else: no automaton, no
 * allocation.
 *
 * <p>Every replacement begins with one of a few known <em>starts</em>: the first {@link SecretSet#PREFIX_LENGTH}
 * characters (or all, if shorter) of a secret's form, or a keyword of the fallback patterns (which run only from
 * the first keyword on; keywords ignore ASCII case). Every start is at least 3 characters long, so wherever one
 * begins, it covers the two characters at an even offset of the text: its first and second (it begins at an even
 * offset) or its second and third (an odd one). The scan therefore reads only the pairs at even offsets, each an
 * index into a 128 x 128 table that says whether some start has that pair first, or second and third; only then
 * are the few starts with that pair compared with the text, and only a start that is really there sends the line
 * on to the exact scan. Ordinary words that share a pair with a keyword ("request", "idle") fail that comparison
 * within a few characters. (Reading every other pair instead of every pair halves the table lookups, not the
 * bytes read; docs/performance.md has what a clean line costs.)
 *
 * <p>For a text that may continue (a stream between writes), a start cut off by the end of the text counts as
 * found, so the exact scan decides what to hold back.
 */
final class CandidateFilter {
    static final int NONE = -1;
    private static final int SEVEN_BITS = 0x7f;
    /** In {@link #pairs}: some secret's start has the pair as its first two characters. */
    private static final int SECRET_FIRST = 1;
    /** In {@link #pairs}: some secret's start has the pair as its second and third characters. */
    private static final int SECRET_SECOND = 2;
    /** The same two for keywords: with the fallback patterns off, a keyword's pair costs nothing. */
    private static final int KEYWORD_FIRST = 4;
    private static final int KEYWORD_SECOND = 8;
    private static final int FIRST = SECRET_FIRST | KEYWORD_FIRST;
    private static final int SECOND = SECRET_SECOND | KEYWORD_SECOND;
    private static final int SECRETS_ONLY = SECRET_FIRST | SECRET_SECOND;
    private static final int ALL = FIRST | SECOND;

    /** Indexed by {@code (c0 & 0x7f) << 7 | (c1 & 0x7f)}: which starts have that pair, and where. */
    private final byte[] pairs;
    private final Buckets first;
    private final Buckets second;
    /** Bit 1: some secret starts with this character; bit 2: some keyword does (either case). */
    private final byte[] firstChar;

    private CandidateFilter(byte[] pairs, Buckets first, Buckets second, byte[] firstChar) {
        this.pairs = pairs;
        this.first = first;
        this.second = second;
        this.firstChar = firstChar;
    }

    /**
     * @param secretForms every form of every secret (only the first {@link SecretSet#PREFIX_LENGTH} characters
     *                    matter); forms with a non-ASCII character are skipped, as the automaton skips them
     * @param keywords    the fallback patterns' keywords, lower case
     */
    static CandidateFilter of(List<String> secretForms, List<String> keywords) {
        Builder builder = new Builder();
        for (String form : secretForms) {
            if (isAscii(form)) {
                builder.add(form.substring(0, Math.min(form.length(), SecretSet.PREFIX_LENGTH)), false);
            }
        }
        for (String keyword : keywords) {
            builder.add(keyword, true);
        }
        return builder.build();
    }

    /**
     * The first position (relative to {@code from}) in {@code text[from, to)} where a start is found, or
     * {@link #NONE}; code units at or above 128 never belong to one.
     *
     * @param keywords whether keyword starts count (the fallback patterns are on)
     * @param complete false when the text may continue: a start cut off by its end counts as found
     */
    int first(byte[] text, int from, int to, boolean keywords, boolean complete) {
        int wanted = keywords ? ALL : SECRETS_ONLY;
        for (int at = from; at + 1 < to; at += 2) {
            int pair = (text[at] & SEVEN_BITS) << 7 | (text[at + 1] & SEVEN_BITS);
            int kinds = pairs[pair] & wanted;
            if (kinds != 0) {
                if ((kinds & SECOND) != 0 && at > from
                        && second.confirmed(pair, text, null, at - 1, to, keywords, complete)) {
                    return at - 1 - from;
                }
                if ((kinds & FIRST) != 0 && first.confirmed(pair, text, null, at, to, keywords, complete)) {
                    return at - from;
                }
            }
        }
        if (complete || to == from) {
            return NONE;
        }
        if (to - from >= 2) {
            int pair = (text[to - 2] & SEVEN_BITS) << 7 | (text[to - 1] & SEVEN_BITS);
            if ((pairs[pair] & wanted & FIRST) != 0 && first.confirmed(pair, text, null, to - 2, to, keywords, false)) {
                return to - 2 - from;
            }
        }
        return lastCharCandidate(text[to - 1] & 0xff, keywords, to - 1 - from);
    }

    /** {@link #first(byte[], int, int, boolean, boolean)} over a whole String. */
    int first(String text, boolean keywords, boolean complete) {
        int to = text.length();
        int wanted = keywords ? ALL : SECRETS_ONLY;
        for (int at = 0; at + 1 < to; at += 2) {
            int pair = (text.charAt(at) & SEVEN_BITS) << 7 | (text.charAt(at + 1) & SEVEN_BITS);
            int kinds = pairs[pair] & wanted;
            if (kinds != 0) {
                if ((kinds & SECOND) != 0 && at > 0
                        && second.confirmed(pair, null, text, at - 1, to, keywords, complete)) {
                    return at - 1;
                }
                if ((kinds & FIRST) != 0 && first.confirmed(pair, null, text, at, to, keywords, complete)) {
                    return at;
                }
            }
        }
        if (complete || to == 0) {
            return NONE;
        }
        if (to >= 2) {
            int pair = (text.charAt(to - 2) & SEVEN_BITS) << 7 | (text.charAt(to - 1) & SEVEN_BITS);
            if ((pairs[pair] & wanted & FIRST) != 0 && first.confirmed(pair, null, text, to - 2, to, keywords, false)) {
                return to - 2;
            }
        }
        return lastCharCandidate(text.charAt(to - 1), keywords, to - 1);
    }

    private int lastCharCandidate(int c, boolean keywords, int position) {
        if (c >= 128) {
            return NONE;
        }
        int mask = keywords ? 3 : 1;
        return (firstChar[c] & mask) != 0 ? position : NONE;
    }

    /**
     * The character of a start as the text must have it to match {@code textChar}: keywords are lower case and
     * match an upper-case ASCII letter too.
     */
    private static int fold(char startChar, int textChar, boolean keyword) {
        return keyword && textChar >= 'A' && textChar <= 'Z' && textChar + 32 == startChar ? textChar : startChar;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    /** The starts that share a pair (at one offset), per pair. */
    private static final class Buckets {
        /** Indexed by pair: 0 for none, else bucket + 1. */
        private final char[] bucketOf;
        private final String[][] starts;
        private final boolean[][] isKeyword;

        Buckets(char[] bucketOf, String[][] starts, boolean[][] isKeyword) {
            this.bucketOf = bucketOf;
            this.starts = starts;
            this.isKeyword = isKeyword;
        }

        /**
         * Whether one of the pair's starts is in the text at {@code at}, all its characters compared. The text is
         * {@code bytes} (up to {@code to}) or, when that is null, {@code string}: one loop for both forms.
         */
        boolean confirmed(int pair, byte[] bytes, String string, int at, int to, boolean keywords, boolean complete) {
            int bucket = bucketOf[pair] - 1;
            String[] candidates = starts[bucket];
            for (int k = 0; k < candidates.length; k++) {
                boolean keyword = isKeyword[bucket][k];
                if (keyword && !keywords) {
                    continue;
                }
                String start = candidates[k];
                int n = start.length();
                boolean same = true;
                int i = 0; // from the first character: the pair's index dropped the eighth bit
                for (; same && i < n && at + i < to; i++) {
                    int c = bytes != null ? bytes[at + i] & 0xff : string.charAt(at + i);
                    same = c == fold(start.charAt(i), c, keyword);
                }
                if (same && (i == n || !complete)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final class Builder {
        private final byte[] pairs = new byte[128 * 128];
        private final BucketsBuilder first = new BucketsBuilder();
        private final BucketsBuilder second = new BucketsBuilder();
        private final byte[] firstChar = new byte[128];

        void add(String start, boolean keyword) {
            if (start.length() < 3) {
                throw new IllegalArgumentException("a start needs three characters or more");
            }
            for (int pair : casesOf(start.charAt(0), start.charAt(1), keyword)) {
                pairs[pair] |= keyword ? KEYWORD_FIRST : SECRET_FIRST;
                first.add(pair, start, keyword);
            }
            for (int pair : casesOf(start.charAt(1), start.charAt(2), keyword)) {
                pairs[pair] |= keyword ? KEYWORD_SECOND : SECRET_SECOND;
                second.add(pair, start, keyword);
            }
            char c0 = start.charAt(0);
            if (keyword) {
                firstChar[upper(c0)] |= 2;
                firstChar[c0] |= 2;
            } else {
                firstChar[c0] |= 1;
            }
        }

        /** The pair's index, and for a keyword those of its other ASCII letter cases. */
        private static int[] casesOf(char a, char b, boolean keyword) {
            if (!keyword) {
                return new int[] {a << 7 | b};
            }
            return new int[] {a << 7 | b, upper(a) << 7 | b, a << 7 | upper(b), upper(a) << 7 | upper(b)};
        }

        private static char upper(char c) {
            return c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
        }

        CandidateFilter build() {
            return new CandidateFilter(pairs, first.build(), second.build(), firstChar);
        }
    }

    private static final class BucketsBuilder {
        private final char[] bucketOf = new char[128 * 128];
        private final List<List<String>> starts = new ArrayList<>();
        private final List<List<Boolean>> keywordFlags = new ArrayList<>();

        void add(int pair, String start, boolean keyword) {
            if (bucketOf[pair] == 0) {
                starts.add(new ArrayList<String>());
                keywordFlags.add(new ArrayList<Boolean>());
                bucketOf[pair] = (char) starts.size();
            }
            int bucket = bucketOf[pair] - 1;
            List<String> list = starts.get(bucket);
            for (int k = 0; k < list.size(); k++) {
                if (list.get(k).equals(start) && keywordFlags.get(bucket).get(k) == keyword) {
                    return; // the same start twice (a character without case, two equal forms of a secret)
                }
            }
            list.add(start);
            keywordFlags.get(bucket).add(keyword);
        }

        Buckets build() {
            String[][] s = new String[starts.size()][];
            boolean[][] k = new boolean[starts.size()][];
            for (int b = 0; b < s.length; b++) {
                s[b] = starts.get(b).toArray(new String[0]);
                k[b] = new boolean[s[b].length];
                for (int j = 0; j < k[b].length; j++) {
                    k[b][j] = keywordFlags.get(b).get(j);
                }
            }
            return new Buckets(bucketOf, s, k);
        }
    }
}
