package dev.oauthagent.agent.config;

import java.util.Collection;

/** Finds the known key closest to a misspelled one (Levenshtein distance), for "did you mean" hints. */
public final class DidYouMean {
    /** Beyond this many edits a suggestion is more likely to confuse than to help. */
    static final int MAX_DISTANCE = 3;

    private DidYouMean() {
    }

    /** The closest candidate within {@link #MAX_DISTANCE} edits, or null. Ties go to the first candidate. */
    static String closest(String unknown, Collection<String> candidates) {
        String best = null;
        int bestDistance = MAX_DISTANCE + 1;
        for (String candidate : candidates) {
            int d = distance(unknown, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Levenshtein distance: how many single-character edits turn {@code a} into {@code b}. */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
