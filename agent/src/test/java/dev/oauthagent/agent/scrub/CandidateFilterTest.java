package dev.oauthagent.agent.scrub;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CandidateFilterTest {
    private static final String SECRET = "Zq8vR2mKp0LxW4tYb6NcJ9hDs3FgU7eA";
    private static final SecretSet SET = SecretSet.of(Arrays.asList(SECRET, "short-secret"));
    private static final CandidateFilter FILTER = SET.filter();
    /** Has the keyword "bearer" inside its start, which is anchored deeper than the keyword (on "Q_"). */
    private static final String NESTING_SECRET = "Xbearerbearer.Q_Zk9wT4vB2nM8";
    /** Pairs that begin keywords and are everywhere in English and log text: the scan should not stop at them. */
    private static final Set<String> COMMON_PAIRS = new HashSet<>(Arrays.asList(
            "re", "as", "ea", "li", "ac", "au", "ey", "cl", "id", "th", "he", "in", "er", "an", "on", "at", "en", "es"));
    private static final List<String> ORDINARY_LOG_LINES = Arrays.asList(
            "2026-11-29 10:15:42.123 INFO  [http-nio-8080-exec-7] c.e.billing.InvoiceService - Invoice 4711 created in 12 ms",
            "12:06:01.123 [main] INFO  dev.oauthagent.bench.apps.LogLoop - order 17 shipped to customer 119 in 17 ms",
            "Started Application in 3.127 seconds (process running for 3.611)",
            "Caused by: java.io.IOException: connection reset by peer",
            "\tat com.example.client.RetryingClient.execute(RetryingClient.java:142)",
            "127.0.0.1 - - [29/Nov/2026:10:15:42 +0000] \"GET /api/orders?page=2 HTTP/1.1\" 200 5123 \"-\" \"curl/8.5\"",
            "Refreshing the cache of 42 entries; the last refresh took 8 ms and released 3 stale keys",
            "User alice requested access to the shared reports; the request was accepted after a class check",
            "WARN  o.h.engine.jdbc.spi.SqlExceptionHelper - SQL Error: 0, SQLState: 08006, the database is unreachable",
            "Scheduling the next batch: they say the key rotation is idle, clearing 3 leases and releasing locks");

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

    /**
     * What HookScrubber relies on: the lines nearly every log is made of reach no anchor at all, so they are ruled
     * out by the pairs alone, before any start is compared (near misses, hex digests and non-ASCII text may reach
     * one, and comparing the starts rules them out).
     */
    @Test
    void aTypicalLogLineIsRuledOutByTheAnchorPairBitsAlone() {
        for (String line : Arrays.asList(
                "12:06:01.123 [main] INFO  dev.oauthagent.bench.apps.LogLoop - order 17 shipped to customer 119 in 17 ms,"
                        + " request id 123e4567-e89b-12d3-a456-426614174000\n",
                "Caused by: java.io.IOException: connection reset\n\tat com.example.Idle.run(Idle.java:42)\n")) {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            for (boolean keywords : new boolean[] {false, true}) {
                assertThat(CandidateFilter.noAnchorPair(FILTER.anchorPairBits(keywords), line)).as(line).isTrue();
                assertThat(CandidateFilter.noAnchorPair(FILTER.anchorPairBits(keywords), bytes, 0, bytes.length))
                        .as(line).isTrue();
            }
            assertThat(CandidateFilter.noAnchorPair(FILTER.anchorPairBits(true), "x bearer " + line)).isFalse();
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

    @Test
    void keywordAnchorsAvoidTheCommonPairsTheirKeywordsBeginWith() {
        for (String keyword : CredentialPatterns.KEYWORDS) {
            for (int index : FILTER.anchorIndexes(keyword, true)) {
                String anchor = keyword.substring(index, index + 2);
                boolean choice = false;
                for (int other = index % 2; other + 1 < keyword.length(); other += 2) {
                    choice |= !COMMON_PAIRS.contains(keyword.substring(other, other + 2));
                }
                assertThat(choice && COMMON_PAIRS.contains(anchor))
                        .as("%s is anchored on the common pair %s at %d though it has a rarer one", keyword, anchor, index)
                        .isFalse();
            }
        }
        assertThat(FILTER.anchorIndexes("authorization", true)).as("authorization: not au, ut")
                .doesNotContain(0, 1).hasSize(2);
        assertThat(FILTER.anchorIndexes("eyj", true)).as("a 3-character start has one pair of each kind")
                .containsExactly(0, 1);
    }

    /** A JWT's start is shared by every token of its issuer and begins with "ey", as in "they" and "key". */
    @Test
    void aJwtIsNotAnchoredOnTheEyItBeginsWith() {
        String jwt = "eyJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ.eyJzdWIiOiIxIn0.c2lnbmF0dXJl";
        CandidateFilter filter = SecretSet.of(Arrays.asList(jwt)).filter();
        assertThat(filter.anchorIndexes(jwt.substring(0, SecretSet.PREFIX_LENGTH), false))
                .hasSize(2).doesNotContain(0);
        assertThat(filter.first("they say the key is " + jwt, false, true)).isEqualTo(20);
    }

    /** What the anchors are for: over ordinary log lines the scan reaches a keyword's anchor far less often. */
    @Test
    void keywordAnchorsTurnUpInOrdinaryLogTextFarLessThanTheKeywordsLeadingPairs() {
        int leading = 0;
        int anchored = 0;
        for (String keyword : CredentialPatterns.KEYWORDS) {
            leading += occurrences(keyword.substring(0, 2)) + occurrences(keyword.substring(1, 3));
            for (int index : FILTER.anchorIndexes(keyword, true)) {
                anchored += occurrences(keyword.substring(index, index + 2));
            }
        }
        assertThat(leading).as("the sample has the common pairs").isGreaterThan(50);
        assertThat(anchored * 2).as("anchored %d vs leading %d", anchored, leading).isLessThan(leading);
    }

    @Test
    void findsEveryStartWhereItBeginsAtEitherParityOfTheScan() {
        List<String> starts = new ArrayList<>(CredentialPatterns.KEYWORDS);
        for (String form : SecretForms.of(SECRET)) {
            starts.add(form.substring(0, SecretSet.PREFIX_LENGTH));
        }
        for (String start : starts) {
            boolean keyword = CredentialPatterns.KEYWORDS.contains(start);
            for (String before : Arrays.asList("", "x", "x ", "x y", "\u00e9", "\u00e9x")) {
                for (String after : Arrays.asList("", " ", ".z")) {
                    String line = before + start + after;
                    assertThat(FILTER.first(line, keyword, true)).as(line).isEqualTo(before.length());
                    assertThat(CandidateFilter.noAnchorPair(FILTER.anchorPairBits(keyword), line)).as(line).isFalse();
                    byte[] bytes = ("\u00e9" + line).getBytes(StandardCharsets.UTF_8);
                    int at = before.getBytes(StandardCharsets.UTF_8).length;
                    for (int from : new int[] {1, 2}) { // 1: inside the two-byte character, which is no start
                        assertThat(FILTER.first(bytes, from, bytes.length, keyword, true)).as(line)
                                .isEqualTo(at + 2 - from);
                        assertThat(CandidateFilter.noAnchorPair(FILTER.anchorPairBits(keyword), bytes, from,
                                bytes.length)).as(line).isFalse();
                    }
                }
            }
        }
    }

    @Test
    void aStartCutAtAnyLengthByTheEndCountsOnlyWhenTheTextMayContinue() {
        List<String> starts = new ArrayList<>(CredentialPatterns.KEYWORDS);
        starts.add(SECRET.substring(0, SecretSet.PREFIX_LENGTH));
        for (String start : starts) {
            boolean keyword = CredentialPatterns.KEYWORDS.contains(start);
            for (int length = 1; length < start.length(); length++) {
                for (String before : Arrays.asList("", "x", "x ", "x y")) {
                    String line = before + start.substring(0, length);
                    assertThat(FILTER.first(line, keyword, false)).as(line).isEqualTo(before.length());
                    assertThat(FILTER.first(line, keyword, true)).as(line).isEqualTo(CandidateFilter.NONE);
                    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
                    assertThat(FILTER.first(bytes, 0, bytes.length, keyword, false)).as(line).isEqualTo(before.length());
                    if (keyword) {
                        String upper = before + start.substring(0, length).toUpperCase();
                        assertThat(FILTER.first(upper, true, false)).as(upper).isEqualTo(before.length());
                    }
                }
            }
        }
    }

    @Test
    void aKeywordSharingAnAnchorWithASecretCountsOnlyWhenKeywordsCount() {
        String secret = "refresh_token_value_0123";
        CandidateFilter filter = CandidateFilter.of(SecretForms.of(secret), CredentialPatterns.KEYWORDS);
        assertThat(filter.anchorIndexes(secret.substring(0, SecretSet.PREFIX_LENGTH), false))
                .as("the test needs the secret anchored on a pair of the keyword, at the same index")
                .containsAnyElementsOf(filter.anchorIndexes("refresh_token", true));
        String line = "x refresh_token=abc";
        assertThat(filter.first(line, false, true)).isEqualTo(CandidateFilter.NONE);
        assertThat(filter.first(line, true, true)).isEqualTo(2);
        assertThat(filter.first("x " + secret, false, true)).isEqualTo(2);
    }

    /**
     * A start anchored deep inside it is reached after a later start anchored near its beginning: the earlier one
     * is still the answer, for the exact scans run from it.
     */
    @Test
    void anEarlierStartFoundAfterALaterOneIsTheOneReturned() {
        String secret = NESTING_SECRET;
        CandidateFilter filter = CandidateFilter.of(SecretForms.of(secret), CredentialPatterns.KEYWORDS);
        String start = secret.substring(0, SecretSet.PREFIX_LENGTH);
        assertThat(filter.anchorIndexes(start, false)).as("the test needs a deep even anchor").contains(14);
        for (String before : Arrays.asList("", "ab")) {
            String line = before + secret + " end";
            assertThat(filter.first(line, true, true)).as(line).isEqualTo(before.length());
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            assertThat(filter.first(bytes, 0, bytes.length, true, true)).as(line).isEqualTo(before.length());
        }
    }

    /**
     * The filter is only worth having if it is sound: whenever it says a text has no candidate, the exact scans
     * (the secrets' automaton and the keyword automaton the fallback patterns start from) find nothing and, for a
     * text that may continue, are not in the middle of anything at its end. Where it answers, the answer is
     * exactly where the first start begins (the exact scans run from there), as comparing every start at every
     * position finds it. Random texts probe the edges: pieces of secrets (one with a keyword inside its start),
     * keywords in mixed case, encoded forms and near misses, after nothing, one character or a two-byte one so
     * that they land at either parity, and, when the text may continue, often a start cut off by its end.
     */
    @Test
    void theAnswerIsWhereTheFirstStartBeginsAndNoCandidateMeansTheExactScansFindNothing() {
        List<String> secrets = Arrays.asList(SECRET, "short-secret", NESTING_SECRET);
        SecretSet set = SecretSet.of(secrets);
        SecretAutomaton keywords = SecretAutomaton.build(CredentialPatterns.KEYWORDS,
                new int[CredentialPatterns.KEYWORDS.size()], 0, true);
        List<String> secretStarts = new ArrayList<>();
        List<String> pieces = new ArrayList<>(CredentialPatterns.KEYWORDS);
        for (String secret : secrets) {
            for (String form : SecretForms.of(secret)) {
                pieces.add(form);
                secretStarts.add(form.substring(0, Math.min(form.length(), SecretSet.PREFIX_LENGTH)));
            }
        }
        List<String> starts = new ArrayList<>(pieces);
        pieces.addAll(Arrays.asList(" ", "=", "\"", "\u00e9", "\u00c5", "x", "Zq", "short", "secret", "-", "ey", "_t"));
        long[][] bits = {set.filter().anchorPairBits(false), set.filter().anchorPairBits(true)};
        Random random = new Random(42);
        int candidates = 0;
        int ruledOutByBits = 0;
        for (int n = 0; n < 20_000; n++) {
            boolean complete = random.nextBoolean();
            boolean withKeywords = random.nextBoolean();
            String text = randomText(random, pieces, starts, complete);
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            int fromString = set.filter().first(text, withKeywords, complete);
            long[] anchorPairBits = bits[withKeywords ? 1 : 0];
            boolean noPair = CandidateFilter.noAnchorPair(anchorPairBits, text);
            assertThat(CandidateFilter.noAnchorPair(anchorPairBits, bytes, 0, bytes.length)).as(text)
                    .isEqualTo(CandidateFilter.noAnchorPair(anchorPairBits, new String(bytes,
                            StandardCharsets.ISO_8859_1)));
            if (complete && noPair) {
                ruledOutByBits++;
                assertThat(fromString).as("ruled out by the bits: %s", text).isEqualTo(CandidateFilter.NONE);
            }
            assertThat(fromString).as(text)
                    .isEqualTo(firstStart(codeUnits(text), secretStarts, withKeywords, complete));
            assertThat(set.filter().first(bytes, 0, bytes.length, withKeywords, complete)).as(text)
                    .isEqualTo(firstStart(codeUnits(bytes), secretStarts, withKeywords, complete));
            if (fromString != CandidateFilter.NONE) {
                candidates++;
                continue;
            }
            assertNothingFound(set.automaton(), text, bytes, complete);
            if (withKeywords) {
                assertNothingFound(keywords, text, bytes, complete);
            }
        }
        assertThat(candidates).as("the generator must also make texts with candidates").isBetween(1_000, 19_000);
        assertThat(ruledOutByBits).as("and complete texts the bits rule out").isBetween(1_000, 9_000);
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
            byte[] bytes = randomText(random, pieces, pieces, true).getBytes(StandardCharsets.UTF_8);
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

    /**
     * One to six pieces, whole or cut, some in mixed case, after nothing, one character or a two-byte one (so
     * each piece lands at either parity, in chars and in bytes); a text that may continue often ends in one of
     * {@code starts} cut at a random length.
     */
    private static String randomText(Random random, List<String> pieces, List<String> starts, boolean complete) {
        StringBuilder text = new StringBuilder(Arrays.asList("", "x", "\u00e9").get(random.nextInt(3)));
        int parts = 1 + random.nextInt(6);
        for (int p = 0; p < parts; p++) {
            String piece = pieces.get(random.nextInt(pieces.size()));
            int from = random.nextInt(3) == 0 ? random.nextInt(piece.length()) : 0;
            int to = random.nextInt(3) == 0 ? from + random.nextInt(piece.length() - from + 1) : piece.length();
            String part = piece.substring(from, to);
            text.append(random.nextBoolean() ? part : mixedCase(random, part));
        }
        if (!complete && random.nextBoolean()) {
            String start = starts.get(random.nextInt(starts.size()));
            text.append(start, 0, 1 + random.nextInt(start.length() - 1));
        }
        return text.toString();
    }

    /** Where the first start begins, or a start cut off by the end when {@code !complete}: every start compared. */
    private static int firstStart(int[] text, List<String> secretStarts, boolean keywords, boolean complete) {
        for (int at = 0; at < text.length; at++) {
            for (String start : secretStarts) {
                if (startsAt(text, at, start, false, complete)) {
                    return at;
                }
            }
            for (String keyword : keywords ? CredentialPatterns.KEYWORDS : new ArrayList<String>()) {
                if (startsAt(text, at, keyword, true, complete)) {
                    return at;
                }
            }
        }
        return CandidateFilter.NONE;
    }

    private static boolean startsAt(int[] text, int at, String start, boolean ignoreCase, boolean complete) {
        for (int i = 0; i < start.length(); i++) {
            if (at + i == text.length) {
                return !complete;
            }
            int c = text[at + i];
            if (c != start.charAt(i) && !(ignoreCase && c >= 'A' && c <= 'Z' && c + 32 == start.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int[] codeUnits(String text) {
        int[] units = new int[text.length()];
        for (int i = 0; i < units.length; i++) {
            units[i] = text.charAt(i);
        }
        return units;
    }

    private static int[] codeUnits(byte[] bytes) {
        int[] units = new int[bytes.length];
        for (int i = 0; i < units.length; i++) {
            units[i] = bytes[i] & 0xff;
        }
        return units;
    }

    /** How often the pair turns up, in any case, at any offset of {@link #ORDINARY_LOG_LINES}. */
    private static int occurrences(String pair) {
        int count = 0;
        for (String line : ORDINARY_LOG_LINES) {
            String lower = line.toLowerCase();
            for (int at = lower.indexOf(pair); at >= 0; at = lower.indexOf(pair, at + 1)) {
                count++;
            }
        }
        return count;
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
