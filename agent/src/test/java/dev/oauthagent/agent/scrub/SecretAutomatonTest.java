package dev.oauthagent.agent.scrub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The automaton finds exactly what a naive search for every pattern (and every long prefix) finds. */
class SecretAutomatonTest {
    @Test
    void agreesWithANaiveSearchOnRandomPatternsAndTexts() {
        Random random = new Random(7);
        for (int round = 0; round < 300; round++) {
            List<String> patterns = new ArrayList<>();
            int count = 1 + random.nextInt(8);
            for (int p = 0; p < count; p++) {
                patterns.add(randomText(random, 1 + random.nextInt(9)));
            }
            int prefixDepth = random.nextBoolean() ? 0 : 2 + random.nextInt(4);
            SecretAutomaton automaton = SecretAutomaton.build(patterns, new int[count], prefixDepth, false);
            String text = randomText(random, random.nextInt(60));
            Findings found = new Findings();
            automaton.run(text, 0, text.length(), found);
            assertThat(ranges(found)).as("patterns %s, prefix depth %d, text %s", patterns, prefixDepth, text)
                    .isEqualTo(naive(patterns, prefixDepth, text));
        }
    }

    @Test
    void caseInsensitiveKeywordsMatchAnyCase() {
        SecretAutomaton keywords = SecretAutomaton.build(List.of("bearer", "eyj"), new int[2], 0, true);
        Findings found = new Findings();
        keywords.run("x BeArEr y EYJ", 0, 14, found);
        assertThat(ranges(found)).isEqualTo(List.of(List.of(2, 8), List.of(11, 14)));
    }

    @Test
    void bytesAboveAsciiResetTheScan() {
        SecretAutomaton automaton = SecretAutomaton.build(List.of("abc"), new int[1], 0, false);
        byte[] text = {'a', 'b', (byte) 0xE2, 'c', 'a', 'b', 'c'};
        Findings found = new Findings();
        automaton.run(text, 0, text.length, found);
        assertThat(ranges(found)).isEqualTo(List.of(List.of(4, 7)));
    }

    private static String randomText(Random random, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append((char) ('a' + random.nextInt(3)));
        }
        return sb.toString();
    }

    private static List<List<Integer>> ranges(Findings found) {
        List<List<Integer>> ranges = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            ranges.add(List.of(found.start(i), found.end(i)));
        }
        return ranges;
    }

    /** Every occurrence of a pattern or of a prefix of at least prefixDepth characters, overlapping ones merged. */
    private static List<List<Integer>> naive(List<String> patterns, int prefixDepth, String text) {
        List<int[]> matches = new ArrayList<>();
        for (String pattern : patterns) {
            for (int length = 1; length <= pattern.length(); length++) {
                boolean counts = length == pattern.length() || (prefixDepth > 0 && length >= prefixDepth);
                String piece = pattern.substring(0, length);
                for (int at = text.indexOf(piece); counts && at >= 0; at = text.indexOf(piece, at + 1)) {
                    matches.add(new int[] {at, at + length});
                }
            }
        }
        matches.sort((x, y) -> x[0] != y[0] ? Integer.compare(x[0], y[0]) : Integer.compare(y[1], x[1]));
        List<List<Integer>> merged = new ArrayList<>();
        int start = -1;
        int end = -1;
        for (int[] m : matches) {
            if (start >= 0 && m[0] < end) {
                end = Math.max(end, m[1]);
            } else {
                if (start >= 0) {
                    merged.add(List.of(start, end));
                }
                start = m[0];
                end = m[1];
            }
        }
        if (start >= 0) {
            merged.add(List.of(start, end));
        }
        return merged;
    }
}
