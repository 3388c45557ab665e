package dev.oauthagent.agent.scrub;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The redactor's first look at a line: one cheap pass that finds where something it would replace may begin, so
 * that a clean line (nearly every line) costs a table lookup per two characters and nothing else: no automaton,
 * no allocation.
 *
 * <p>Every replacement begins with one of a few known <em>starts</em>: the first {@link SecretSet#PREFIX_LENGTH}
 * characters (or all, if shorter) of a secret's form, or a keyword of the fallback patterns (which run only from
 * the first keyword on; keywords ignore ASCII case). The scan reads only the character pairs at even offsets of
 * the text, each an index into a 128 x 128 table. A start of at least 3 characters that begins at an even offset
 * covers such a pair at each of its even indexes (0, 2, 4, ...), one that begins at an odd offset at each of its
 * odd indexes, as long as the pair lies inside the start; so each start is registered under one even-index and
 * one odd-index pair, its <em>anchors</em>, chosen as the rarest in ordinary log text ({@link PairRarity}): not
 * "re" or "ac" of {@code refresh_token} and {@code access_token}, but "h_" and "_t", which English rarely writes.
 * Only where an anchor's pair is read are the few starts anchored on it compared with the text, each from where
 * it would begin ({@code at - index}), all its characters; only a start that is really there sends the line on to
 * the exact scans.
 *
 * <p>The position returned is where the first start <em>begins</em> (the exact scans run from it, so nothing
 * before it may be missed). A start found at an anchor deep inside it may not be the first: one that begins
 * earlier is found at its own anchor at most {@link #deepestAnchor} characters later, so the scan goes on that
 * far past the first start found and keeps the earliest.
 *
 * <p>For a text that may continue (a stream between writes), a start cut off by the end of the text counts as
 * found, so the exact scan decides what to hold back. Its anchor may lie beyond the end, so the last
 * (longest start - 1) positions are compared with the starts' beginnings once per write, not per pair.
 *
 * <p>A code unit at or above 128 never belongs to a start: the table index drops its eighth bit, so it may hit
 * a pair, but the comparison reads whole characters.
 */
final class CandidateFilter {
    static final int NONE = -1;
    private static final int SEVEN_BITS = 0x7f;
    private static final int NOT_FOUND = Integer.MAX_VALUE;
    /** In {@link #pairs}: some secret's start is anchored on the pair. */
    private static final int SECRET = 1;
    /** Some keyword is: with the fallback patterns off, a keyword's anchor costs nothing. */
    private static final int KEYWORD = 2;
    private static final int ANY = SECRET | KEYWORD;
    private static final Start[] NO_STARTS = new Start[0];

    /** Indexed by {@code (c0 & 0x7f) << 7 | (c1 & 0x7f)}: which kinds of start are anchored on that pair. */
    private final byte[] pairs;
    /** Indexed by pair: 0 for none, else the index of its bucket in {@link #anchors} + 1. */
    private final char[] bucketOf;
    private final Anchor[][] anchors;
    /** Indexed by an ASCII character: the starts that begin with it (either case, for a keyword). */
    private final Start[][] byFirstChar;
    /** The greatest index of an anchor in its start. */
    private final int deepestAnchor;
    private final int longestStart;

    private CandidateFilter(Builder b) {
        this.pairs = b.pairs;
        this.bucketOf = b.bucketOf;
        this.anchors = new Anchor[b.buckets.size()][];
        for (int i = 0; i < anchors.length; i++) {
            anchors[i] = b.buckets.get(i).toArray(new Anchor[0]);
        }
        this.byFirstChar = new Start[128][];
        for (int c = 0; c < 128; c++) {
            byFirstChar[c] = b.byFirstChar.get(c).toArray(NO_STARTS);
        }
        this.deepestAnchor = b.deepestAnchor;
        this.longestStart = b.longestStart;
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
        return new CandidateFilter(builder);
    }

    /**
     * The first position (relative to {@code from}) in {@code text[from, to)} where a start begins, or
     * {@link #NONE}; code units at or above 128 never belong to one.
     *
     * @param keywords whether keyword starts count (the fallback patterns are on)
     * @param complete false when the text may continue: a start cut off by its end counts as found
     */
    int first(byte[] text, int from, int to, boolean keywords, boolean complete) {
        int wanted = kindsThatCount(keywords);
        for (int at = nextAnchorPair(pairs, wanted, text, from, to); at != NOT_FOUND;
                at = nextAnchorPair(pairs, wanted, text, at + 2, to)) {
            int start = earliestAnchoredAt(pairAt(text, null, at), text, null, at, from, to, keywords);
            if (start != NOT_FOUND) {
                return result(earliestBefore(start, text, null, at + 2, from, to, keywords),
                        text, null, from, to, keywords, complete);
            }
        }
        return result(NOT_FOUND, text, null, from, to, keywords, complete);
    }

    /** {@link #first(byte[], int, int, boolean, boolean)} over a whole String. */
    int first(String text, boolean keywords, boolean complete) {
        int to = text.length();
        int wanted = kindsThatCount(keywords);
        for (int at = nextAnchorPair(pairs, wanted, text, 0, to); at != NOT_FOUND;
                at = nextAnchorPair(pairs, wanted, text, at + 2, to)) {
            int start = earliestAnchoredAt(pairAt(null, text, at), null, text, at, 0, to, keywords);
            if (start != NOT_FOUND) {
                return result(earliestBefore(start, null, text, at + 2, 0, to, keywords),
                        null, text, 0, to, keywords, complete);
            }
        }
        return result(NOT_FOUND, null, text, 0, to, keywords, complete);
    }

    /**
     * The pairs that anchor a start of the wanted kinds, as 128 x 128 bits (2 KiB, an eighth of the table
     * {@link #first} reads), for a caller that keeps them in a field of its own and asks {@link #noAnchorPair}
     * first (see {@link HookScrubber}). Read between two of logback's writes, which may have evicted what the
     * scan read for the line before, the bits cost a clean line less than the byte table does (the logback
     * harness side by side, docs/decisions/0014). A new array each call.
     *
     * @param keywords whether keyword starts count (the fallback patterns are on)
     */
    long[] anchorPairBits(boolean keywords) {
        int wanted = kindsThatCount(keywords);
        long[] bits = new long[pairs.length / Long.SIZE];
        for (int pair = 0; pair < pairs.length; pair++) {
            if ((pairs[pair] & wanted) != 0) {
                bits[pair >>> 6] |= 1L << pair;
            }
        }
        return bits;
    }

    /**
     * True when no pair of {@code text[from, to)} at an even offset from {@code from} is in
     * {@code anchorPairBits} (from {@link #anchorPairBits}): then {@link #first} finds nothing in the complete
     * text either, with the same kinds of start, and the text is clean.
     */
    static boolean noAnchorPair(long[] anchorPairBits, byte[] text, int from, int to) {
        for (int at = from, last = to - 1; at < last; at += 2) {
            int pair = (text[at] & SEVEN_BITS) << 7 | (text[at + 1] & SEVEN_BITS);
            if ((anchorPairBits[pair >>> 6] & 1L << pair) != 0) {
                return false;
            }
        }
        return true;
    }

    /** {@link #noAnchorPair(long[], byte[], int, int)} over a whole String. */
    static boolean noAnchorPair(long[] anchorPairBits, String text) {
        for (int at = 0, last = text.length() - 1; at < last; at += 2) {
            int pair = (text.charAt(at) & SEVEN_BITS) << 7 | (text.charAt(at + 1) & SEVEN_BITS);
            if ((anchorPairBits[pair >>> 6] & 1L << pair) != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The first of the pairs at {@code at, at + 2, ...} (inside {@code text[at, to)}) that a wanted start is
     * anchored on, or {@link #NOT_FOUND}. The per-pair loop of every clean line, so it is a method of its own
     * with nothing but locals: C2 then compiles it as a counted loop, unrolled, with every value in a register.
     * Written inline, with the comparison of starts in its body, it was compiled as a general loop that kept
     * its index on the stack, re-read the table's field and length and polled for a safepoint at every pair,
     * about three times the cost per pair (docs/decisions/0014).
     */
    private static int nextAnchorPair(byte[] pairs, int wanted, byte[] text, int at, int to) {
        for (int last = to - 1; at < last; at += 2) {
            if ((pairs[(text[at] & SEVEN_BITS) << 7 | (text[at + 1] & SEVEN_BITS)] & wanted) != 0) {
                return at;
            }
        }
        return NOT_FOUND;
    }

    /** {@link #nextAnchorPair(byte[], int, byte[], int, int)} over a String. */
    private static int nextAnchorPair(byte[] pairs, int wanted, String text, int at, int to) {
        for (int last = to - 1; at < last; at += 2) {
            if ((pairs[(text.charAt(at) & SEVEN_BITS) << 7 | (text.charAt(at + 1) & SEVEN_BITS)] & wanted) != 0) {
                return at;
            }
        }
        return NOT_FOUND;
    }

    /** The indexes in {@code start} of the pairs it is anchored on, lowest first; none if it is not a start. */
    Set<Integer> anchorIndexes(String start, boolean keyword) {
        Set<Integer> indexes = new TreeSet<>();
        for (Anchor[] bucket : anchors) {
            for (Anchor anchor : bucket) {
                if (anchor.start.keyword == keyword && anchor.start.chars.equals(start)) {
                    indexes.add(anchor.index);
                }
            }
        }
        return indexes;
    }

    /**
     * The text is {@code bytes} or, when that is null, {@code string}: one loop for both forms, off the per-pair
     * path.
     */
    private int earliestAnchoredAt(int pair, byte[] bytes, String string, int at, int from, int to, boolean keywords) {
        int earliest = NOT_FOUND;
        for (Anchor anchor : anchors[bucketOf[pair] - 1]) {
            int start = at - anchor.index;
            if (start >= from && start < earliest && (keywords || !anchor.start.keyword)
                    && anchor.start.isAt(bytes, string, start, to, false)) {
                earliest = start;
            }
        }
        return earliest;
    }

    /**
     * The first start, given one found at {@code found}: one that begins earlier has its anchor less than
     * {@link #deepestAnchor} characters after {@code found}, so the pairs from {@code at} up to there are read too.
     */
    private int earliestBefore(int found, byte[] bytes, String string, int at, int from, int to, boolean keywords) {
        int wanted = kindsThatCount(keywords);
        int earliest = found;
        for (; at + 1 < to && at < earliest + deepestAnchor; at += 2) {
            int pair = pairAt(bytes, string, at);
            if ((pairs[pair] & wanted) != 0) {
                earliest = Math.min(earliest, earliestAnchoredAt(pair, bytes, string, at, from, to, keywords));
            }
        }
        return earliest;
    }

    private int result(int found, byte[] bytes, String string, int from, int to, boolean keywords, boolean complete) {
        int first = complete ? found : Math.min(found, firstCutOff(bytes, string, from, to, keywords));
        return first == NOT_FOUND ? NONE : first - from;
    }

    /** The first position among the last (longest start - 1) where the text ends inside a start. */
    private int firstCutOff(byte[] bytes, String string, int from, int to, boolean keywords) {
        for (int p = Math.max(from, to - (longestStart - 1)); p < to; p++) {
            int c = charAt(bytes, string, p);
            if (c >= 128) {
                continue;
            }
            for (Start start : byFirstChar[c]) {
                if ((keywords || !start.keyword) && start.isAt(bytes, string, p, to, true)) {
                    return p;
                }
            }
        }
        return NOT_FOUND;
    }

    /** The kinds of start {@link #pairs} entries are tested for: keywords too, or secrets only. */
    private static int kindsThatCount(boolean keywords) {
        return keywords ? ANY : SECRET;
    }

    /** The table index of the pair at {@code at}. */
    private static int pairAt(byte[] bytes, String string, int at) {
        return (charAt(bytes, string, at) & SEVEN_BITS) << 7 | (charAt(bytes, string, at + 1) & SEVEN_BITS);
    }

    private static int charAt(byte[] bytes, String string, int i) {
        return bytes != null ? bytes[i] & 0xff : string.charAt(i);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    /** A start as the filter compares it: a keyword's characters are lower case and match upper case too. */
    private static final class Start {
        final String chars;
        final boolean keyword;

        Start(String chars, boolean keyword) {
            this.chars = chars;
            this.keyword = keyword;
        }

        /**
         * Whether the text has this start at {@code at}, all its characters compared (the table index dropped
         * the eighth bit); or, when {@code cutOff} allows, as much of it as comes before {@code to}.
         */
        boolean isAt(byte[] bytes, String string, int at, int to, boolean cutOff) {
            int n = chars.length();
            if (at + n > to) {
                if (!cutOff) {
                    return false;
                }
                n = to - at;
            }
            for (int i = 0; i < n; i++) {
                int c = charAt(bytes, string, at + i);
                char expected = chars.charAt(i);
                if (c != expected && !(keyword && c >= 'A' && c <= 'Z' && c + 32 == expected)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A start registered under the pair at {@code index} in it. */
    private static final class Anchor {
        final Start start;
        final int index;

        Anchor(Start start, int index) {
            this.start = start;
            this.index = index;
        }
    }

    private static final class Builder {
        final byte[] pairs = new byte[128 * 128];
        final char[] bucketOf = new char[128 * 128];
        final List<List<Anchor>> buckets = new ArrayList<>();
        final List<List<Start>> byFirstChar = new ArrayList<>();
        final Set<String> seen = new HashSet<>();
        int deepestAnchor;
        int longestStart;

        Builder() {
            for (int c = 0; c < 128; c++) {
                byFirstChar.add(new ArrayList<Start>());
            }
        }

        void add(String chars, boolean keyword) {
            if (chars.length() < 3) {
                throw new IllegalArgumentException("a start needs three characters or more");
            }
            if (!seen.add((keyword ? "keyword " : "secret ") + chars)) {
                return; // two equal forms of a secret, or two secrets with the same beginning
            }
            Start start = new Start(chars, keyword);
            for (int parity = 0; parity < 2; parity++) {
                int index = PairRarity.rarestPair(chars, parity, keyword);
                for (int pair : casesOf(chars.charAt(index), chars.charAt(index + 1), keyword)) {
                    pairs[pair] |= keyword ? KEYWORD : SECRET;
                    bucket(pair).add(new Anchor(start, index));
                }
                deepestAnchor = Math.max(deepestAnchor, index);
            }
            longestStart = Math.max(longestStart, chars.length());
            byFirstChar.get(chars.charAt(0)).add(start);
            if (keyword && upper(chars.charAt(0)) != chars.charAt(0)) {
                byFirstChar.get(upper(chars.charAt(0))).add(start);
            }
        }

        private List<Anchor> bucket(int pair) {
            if (bucketOf[pair] == 0) {
                buckets.add(new ArrayList<Anchor>());
                bucketOf[pair] = (char) buckets.size();
            }
            return buckets.get(bucketOf[pair] - 1);
        }

        /** The pair's index, and for a keyword those of its other ASCII letter cases (each once). */
        private static int[] casesOf(char a, char b, boolean keyword) {
            if (!keyword) {
                return new int[] {a << 7 | b};
            }
            Set<Integer> cases = new LinkedHashSet<>();
            for (char x : new char[] {a, upper(a)}) {
                for (char y : new char[] {b, upper(b)}) {
                    cases.add(x << 7 | y);
                }
            }
            int[] indexes = new int[cases.size()];
            int i = 0;
            for (int pair : cases) {
                indexes[i++] = pair;
            }
            return indexes;
        }

        private static char upper(char c) {
            return c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
        }
    }
}
