package dev.oauthagent.agent.scrub;

import java.util.Arrays;

/**
 * Which character pair of a {@link CandidateFilter} start turns up least in ordinary log text: the filter anchors
 * each start on such pairs, so that a clean line rarely makes it compare a start with the text.
 *
 * <p>A fixed estimate, not a measurement of anyone's logs: a character weighs what it roughly does per mille of
 * log text (a space the most; lower-case letters by their frequency in English; an upper-case letter a sixth of
 * its lower case; digits and the punctuation of timestamps, class names and paths, {@code . : - /}, as much as a
 * middling letter, for log lines are full of them; other symbols, the underscore among them, little), a pair
 * weighs the product of its two characters, except the fifty pairs English uses most ("th", "er", "re", ...),
 * which the product underrates (and ranks wrongly: "re" is more than twice as common as "ea"): they weigh their
 * share of English bigrams. For a start that ignores case every case variant of the pair is looked up, so
 * they all count.
 *
 * <p>A pair shared with other starts is not avoided: each occurrence of it costs one comparison per start that
 * has it, which is what its weight already counts start by start; sharing only saves the table hit.
 */
final class PairRarity {
    private static final String LETTERS_BY_FREQUENCY = "etaoinshrdlcumwfgypbvkjxqz";
    private static final int[] LETTER_WEIGHTS = {
            70, 50, 45, 41, 39, 37, 35, 33, 33, 24, 22, 15, 15, 13, 13, 12, 11, 11, 10, 8, 5, 4, 1, 1, 1, 1};
    private static final int SPACE = 150;
    private static final int DIGIT = 15;
    private static final String COMMON_PUNCTUATION = ".:-/";
    private static final int COMMON_PUNCTUATION_WEIGHT = 10;
    private static final String OTHER_PUNCTUATION = ",=[]()\"'";
    private static final int OTHER_PUNCTUATION_WEIGHT = 4;
    private static final int UNDERSCORE = 2;
    private static final int RARE = 1;
    /** The fifty most frequent bigrams of English, lower case, most frequent first. */
    private static final String COMMON_BIGRAMS = "th he in er an re on at en nd ti es or te of ed is it al ar st to nt"
            + " ng se ha as ou io le ve co me de hi ri ro ic ne ea ra ce li ch ll be ma si om ur";
    /** Their share of all bigrams of English text, per 10,000 (e.g. "th" 3.56 %). */
    private static final int[] COMMON_BIGRAM_SHARES = {
            356, 307, 243, 205, 199, 185, 176, 149, 145, 135, 134, 134, 128, 120, 117, 117, 113, 112, 109, 107, 105,
            104, 104, 95, 93, 93, 87, 87, 83, 83, 83, 79, 79, 76, 76, 73, 73, 70, 69, 69, 69, 65, 62, 60, 58, 58, 57,
            55, 55, 54};
    /**
     * From a share per 10,000 of English bigrams to a pair weight: a weight is a product of two per-mille weights
     * (a millionth of log-text pairs), and letters are about 0.55 of log text, so 0.3 of its pairs: 100 x 0.3.
     */
    private static final int SHARE_TO_WEIGHT = 30;

    private static final int[] WEIGHTS = weights();

    private PairRarity() {
    }

    /**
     * The index of the rarest pair among those that begin at an index of {@code parity} (0: even, 1: odd) and lie
     * fully inside {@code start}; the lowest such index on a tie, which keeps anchors near the start.
     */
    static int rarestPair(String start, int parity, boolean ignoreCase) {
        int best = parity;
        long bestWeight = Long.MAX_VALUE;
        for (int i = parity; i + 1 < start.length(); i += 2) {
            long weight = weight(start.charAt(i), start.charAt(i + 1), ignoreCase);
            if (weight < bestWeight) {
                best = i;
                bestWeight = weight;
            }
        }
        return best;
    }

    /** How common the pair is, summed over its ASCII case variants when {@code ignoreCase}; both ASCII. */
    static long weight(char a, char b, boolean ignoreCase) {
        if (!ignoreCase) {
            return weight(a, b);
        }
        long sum = 0;
        for (char x : caseVariants(a)) {
            for (char y : caseVariants(b)) {
                sum += weight(x, y);
            }
        }
        return sum;
    }

    private static long weight(char a, char b) {
        int bigram = COMMON_BIGRAMS.indexOf(new String(new char[] {a, b}));
        if (bigram >= 0 && bigram % 3 == 0) {
            return (long) COMMON_BIGRAM_SHARES[bigram / 3] * SHARE_TO_WEIGHT;
        }
        return (long) WEIGHTS[a] * WEIGHTS[b];
    }

    private static char[] caseVariants(char c) {
        char lower = lower(c);
        char upper = lower >= 'a' && lower <= 'z' ? (char) (lower - 32) : lower;
        return lower == upper ? new char[] {c} : new char[] {lower, upper};
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    private static int[] weights() {
        int[] w = new int[128];
        Arrays.fill(w, RARE);
        for (int i = 0; i < LETTERS_BY_FREQUENCY.length(); i++) {
            char c = LETTERS_BY_FREQUENCY.charAt(i);
            w[c] = LETTER_WEIGHTS[i];
            w[c - 32] = Math.max(RARE, LETTER_WEIGHTS[i] / 6);
        }
        for (char c = '0'; c <= '9'; c++) {
            w[c] = DIGIT;
        }
        for (char c : COMMON_PUNCTUATION.toCharArray()) {
            w[c] = COMMON_PUNCTUATION_WEIGHT;
        }
        for (char c : OTHER_PUNCTUATION.toCharArray()) {
            w[c] = OTHER_PUNCTUATION_WEIGHT;
        }
        w[' '] = SPACE;
        w['_'] = UNDERSCORE;
        return w;
    }
}
