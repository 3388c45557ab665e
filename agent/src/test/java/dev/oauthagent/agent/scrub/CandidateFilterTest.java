package dev.oauthagent.agent.scrub;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class CandidateFilterTest {
    private static final String SECRET = "Zq8vR2mKp0LxW4tYb6NcJ9hDs3FgU7eA";
    private static final SecretSet SET = SecretSet.of(Arrays.asList(SECRET, "short-secret"));
    private static final CandidateFilter FILTER = SET.filter();

    @Test
    void ordinaryLogLinesHaveNoCandidate() {
        for (String line : Arrays.asList(
                "12:06:01.123 [main] INFO  dev.oauthagent.bench.apps.LogLoop - order 17 shipped to customer 119 in 17 ms,"
                        + " request id 123e4567-e89b-12d3-a456-426614174000\n",
                "Caused by: java.io.IOException: connection reset\n\tat com.example.Idle.run(Idle.java:42)\n",
                "near misses: the bear is no bass problem, access granted, refreshed clients, dpi, eyes, authors, ids, assert",
                "commit 3f786850e387550fdab836ed7e6dc881de23001b, sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b",
                "caf\u00e9 na\u00efve \u00fcber \u65e5\u672c\u8a9e")) {
            assertThat(FILTER.first(line, true, true)).as(line).isEqualTo(CandidateFilter.NONE);
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            assertThat(FILTER.first(bytes, 0, bytes.length, true, true)).as(line).isEqualTo(CandidateFilter.NONE);
        }
    }

    @Test
    void findsEachKeywordInAnyCaseOnlyWhenKeywordsCount() {
        for (String keyword : CredentialPatterns.KEYWORDS) {
            for (String form : Arrays.asList(keyword, keyword.toUpperCase(), capitalised(keyword))) {
                String line = "x = " + form + " y";
                assertThat(FILTER.first(line, true, true)).as(form).isEqualTo(4);
                assertThat(FILTER.first(line, false, true)).as(form).isEqualTo(CandidateFilter.NONE);
                byte[] bytes = ("\u00e9" + line).getBytes(StandardCharsets.UTF_8);
                assertThat(FILTER.first(bytes, 2, bytes.length, true, true)).as(form).isEqualTo(4);
            }
        }
    }

    @Test
    void findsASecretFromItsSixteenCharacterPrefixNotFromFewer() {
        String line = "value " + SECRET.substring(0, 16) + " end";
        assertThat(FILTER.first(line, false, true)).isEqualTo(6);
        String shorter = "value " + SECRET.substring(0, 15) + " end";
        assertThat(FILTER.first(shorter, false, true)).isEqualTo(CandidateFilter.NONE);
        assertThat(FILTER.first("it is short-secre", false, true)).isEqualTo(CandidateFilter.NONE);
        assertThat(FILTER.first("it is short-secret", false, true)).isEqualTo(6);
    }

    @Test
    void aStartCutOffByTheEndCountsOnlyWhenTheTextMayContinue() {
        String cut = "value " + SECRET.substring(0, 5);
        assertThat(FILTER.first(cut, false, true)).isEqualTo(CandidateFilter.NONE);
        assertThat(FILTER.first(cut, false, false)).isEqualTo(6);
        assertThat(FILTER.first("ends in a B", true, false)).isEqualTo(10);
        assertThat(FILTER.first("ends in a B", false, false)).isEqualTo(CandidateFilter.NONE);
        assertThat(FILTER.first("ends in a Z", false, false)).isEqualTo(10);
        assertThat(FILTER.first("Z", false, false)).isEqualTo(0);
        assertThat(FILTER.first("Z", false, true)).isEqualTo(CandidateFilter.NONE);
    }

    @Test
    void aByteAboveAsciiNeverStandsInForTheLetterItAliases() {
        byte[] bytes = {(byte) ('e' | 0x80), (byte) ('y' | 0x80), 'j', ' ', (byte) ('b' | 0x80), 'a', 's', 'i', 'c'};
        assertThat(FILTER.first(bytes, 0, bytes.length, true, true)).isEqualTo(CandidateFilter.NONE);
    }

    /**
     * The filter is only worth having if it is sound: whenever it says a text has no candidate, the exact scans
     * (the secrets' automaton and the keyword automaton the fallback patterns start from) find nothing and, for a
     * text that may continue, are not in the middle of anything at its end. Random texts made mostly of pieces of
     * secrets, keywords in mixed case, encoded forms and near misses probe the edges.
     */
    @Test
    void noCandidateMeansTheExactScansFindNothing() {
        SecretAutomaton keywords = SecretAutomaton.build(CredentialPatterns.KEYWORDS,
                new int[CredentialPatterns.KEYWORDS.size()], 0, true);
        List<String> pieces = new ArrayList<>(SecretForms.of(SECRET));
        pieces.addAll(CredentialPatterns.KEYWORDS);
        pieces.addAll(Arrays.asList(" ", "=", "\"", "\u00e9", "\u00c5", "x", "Zq", "short", "secret", "-", "ey"));
        Random random = new Random(42);
        int candidates = 0;
        for (int n = 0; n < 20_000; n++) {
            String text = randomText(random, pieces);
            boolean complete = random.nextBoolean();
            boolean withKeywords = random.nextBoolean();
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            int fromString = FILTER.first(text, withKeywords, complete);
            int fromBytes = FILTER.first(bytes, 0, bytes.length, withKeywords, complete);
            assertThat(fromBytes == CandidateFilter.NONE).as(text).isEqualTo(fromString == CandidateFilter.NONE);
            if (fromString != CandidateFilter.NONE) {
                candidates++;
                continue;
            }
            assertNothingFound(SET.automaton(), text, bytes, complete);
            if (withKeywords) {
                assertNothingFound(keywords, text, bytes, complete);
            }
        }
        assertThat(candidates).as("the generator must also make texts with candidates").isBetween(1_000, 19_000);
    }

    /**
     * A complete line with a candidate is scanned from the candidate on (nothing can begin before it); a stream's
     * text is scanned from its start. Both must replace exactly the same ranges.
     */
    @Test
    void scanningFromTheFirstCandidateReplacesWhatAFullScanReplaces() throws Exception {
        Redactor redactor = Redactors.withPatterns(SECRET, "short-secret");
        List<String> pieces = new ArrayList<>(SecretForms.of(SECRET));
        pieces.addAll(CredentialPatterns.KEYWORDS);
        pieces.addAll(Arrays.asList(" ", "=", ": ", "\"", "\u00e9", "x", "Bearer ", "eyJhbGciOiJIUzI1NiJ9.", "eyJzdWIiOiIxIn0",
                "access_token=", "0123456789abcdef", "short-secret"));
        Random random = new Random(7);
        int replaced = 0;
        for (int n = 0; n < 5_000; n++) {
            byte[] bytes = randomText(random, pieces).getBytes(StandardCharsets.UTF_8);
            byte[] fast = redactor.scrub(bytes, 0, bytes.length);
            java.io.ByteArrayOutputStream full = new java.io.ByteArrayOutputStream();
            redactor.scrubTo(bytes.clone(), bytes.length, true, full);
            String text = new String(bytes, StandardCharsets.UTF_8);
            assertThat(new String(fast == null ? bytes : fast, StandardCharsets.UTF_8)).as(text)
                    .isEqualTo(full.toString(StandardCharsets.UTF_8));
            replaced += fast == null ? 0 : 1;
        }
        assertThat(replaced).as("lines with something replaced").isBetween(500, 4_900);
    }

    private static void assertNothingFound(SecretAutomaton automaton, String text, byte[] bytes, boolean complete) {
        Findings found = new Findings();
        int state = automaton.run(text, 0, text.length(), found);
        assertThat(found.isEmpty()).as(text).isTrue();
        Findings foundInBytes = new Findings();
        int byteState = automaton.run(bytes, 0, bytes.length, foundInBytes);
        assertThat(foundInBytes.isEmpty()).as(text).isTrue();
        if (!complete) {
            assertThat(automaton.depth(state)).as(text).isZero();
            assertThat(automaton.depth(byteState)).as(text).isZero();
        }
    }

    private static String randomText(Random random, List<String> pieces) {
        StringBuilder text = new StringBuilder();
        int parts = 1 + random.nextInt(6);
        for (int p = 0; p < parts; p++) {
            String piece = pieces.get(random.nextInt(pieces.size()));
            int from = random.nextInt(3) == 0 ? random.nextInt(piece.length()) : 0;
            int to = random.nextInt(3) == 0 ? from + random.nextInt(piece.length() - from + 1) : piece.length();
            String part = piece.substring(from, to);
            text.append(random.nextBoolean() ? part : mixedCase(random, part));
        }
        return text.toString();
    }

    private static String mixedCase(Random random, String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
        }
        return out.toString();
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
