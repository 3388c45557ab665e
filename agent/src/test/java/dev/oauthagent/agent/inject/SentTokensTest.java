package dev.oauthagent.agent.inject;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.agent.AllocationMeter;
import dev.oauthagent.agent.token.AccessToken;
import dev.oauthagent.agent.token.cache.Ticker;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class SentTokensTest {
    private static final long HOUR_SECONDS = 3600;

    private final AtomicLong now = new AtomicLong(-TimeUnit.DAYS.toNanos(1)); // instants may be negative
    private final Ticker ticker = now::get;
    private final SentTokens sent = new SentTokens("orders", ticker);

    private static AccessToken token(int n, long lifetimeSeconds) {
        return new AccessToken("orders-token-" + n, "Bearer", lifetimeSeconds, null);
    }

    /** A copy, as a client that rebuilt its header list would carry: equal, never the same String. */
    private static String copyOf(AccessToken token) {
        return new String(token.authorizationHeader().toCharArray());
    }

    private void advance(long amount, TimeUnit unit) {
        now.addAndGet(unit.toNanos(amount));
    }

    @Test
    void aRotationStormOfHundredsOfTokensForgetsNoneOfThemWhileTheyMayBeValid() {
        List<AccessToken> tokens = new ArrayList<>();
        for (int n = 1; n <= 700; n++) {
            AccessToken token = token(n, HOUR_SECONDS);
            tokens.add(token);
            sent.record(token);
            sent.record(token);
            advance(InvalidationGate.MIN_GAP_SECONDS, TimeUnit.SECONDS); // as fast as refusals can rotate them
        }

        for (AccessToken token : tokens) {
            assertThat(sent.contains(copyOf(token))).as("%s", token).isTrue();
        }
        assertThat(sent.mayHaveForgotten(now.get())).isFalse();
    }

    @Test
    void aTokenIsRememberedForItsLifetimePlusTheSkewMarginThenDroppedOnTheNextRecord() {
        AccessToken first = token(1, 60);
        sent.record(first);
        long keptFor = TimeUnit.SECONDS.toNanos(60) + SentTokens.SKEW_MARGIN_NANOS;

        now.addAndGet(keptFor - 1);
        sent.record(token(2, 60));
        assertThat(sent.contains(copyOf(first))).as("one nanosecond before its end").isTrue();

        now.addAndGet(1);
        sent.record(token(3, 60));
        assertThat(sent.contains(copyOf(first))).as("at its end, after the next record").isFalse();
        assertThat(sent.size()).isEqualTo(2);
    }

    @Test
    void aTokenWithoutAStatedLifetimeIsRememberedForADayAtLeast() {
        AccessToken unstated = new AccessToken("orders-token-1", "Bearer", 300, false, null, null, null);
        sent.record(unstated);

        advance(23, TimeUnit.HOURS);
        sent.record(token(2, 60));
        assertThat(sent.contains(copyOf(unstated))).isTrue();

        now.addAndGet(SentTokens.UNSTATED_LIFETIME_NANOS + SentTokens.SKEW_MARGIN_NANOS);
        sent.record(token(3, 60));
        assertThat(sent.contains(copyOf(unstated))).isFalse();
    }

    @Test
    void pruningKeepsTheMemoryAsSmallAsTheTokensThatMayStillBeValid() {
        for (int n = 1; n <= 2000; n++) {
            sent.record(token(n, 60));
            advance(30, TimeUnit.SECONDS); // refreshed at half its lifetime
        }

        // 60 s lifetime + 300 s margin, one token every 30 s: the last 12, and the one recorded now.
        assertThat(sent.size()).isLessThanOrEqualTo(13);
    }

    @Test
    void atTheCapTheSoonestExpiringAreDroppedAndTheMemorySaysItMayHaveForgottenUntilTheyExpire() {
        int over = 10;
        List<AccessToken> tokens = new ArrayList<>();
        for (int n = 1; n <= SentTokens.MAX_ENTRIES + over; n++) {
            AccessToken token = token(n, 24 * HOUR_SECONDS);
            tokens.add(token);
            sent.record(token);
            advance(1, TimeUnit.SECONDS);
        }

        assertThat(sent.size()).isEqualTo(SentTokens.MAX_ENTRIES);
        for (int i = 0; i < over; i++) {
            assertThat(sent.contains(copyOf(tokens.get(i)))).as("dropped: %s", tokens.get(i)).isFalse();
        }
        for (int i = over; i < tokens.size(); i++) {
            assertThat(sent.contains(copyOf(tokens.get(i)))).as("kept: %s", tokens.get(i)).isTrue();
        }
        assertThat(sent.mayHaveForgotten(now.get())).isTrue();

        // The last dropped token was recorded MAX_ENTRIES + 1 s before the last one, which was recorded 1 s ago.
        long lastDroppedEnds = now.get() - TimeUnit.SECONDS.toNanos(SentTokens.MAX_ENTRIES + 1)
                + TimeUnit.HOURS.toNanos(24) + SentTokens.SKEW_MARGIN_NANOS;
        assertThat(sent.mayHaveForgotten(lastDroppedEnds - 1)).isTrue();
        assertThat(sent.mayHaveForgotten(lastDroppedEnds)).isFalse();
    }

    @Test
    void nullForeignAndPrefixValuesAreNotRecognised() {
        sent.record(token(1, 60));

        assertThat(sent.contains(null)).isFalse();
        assertThat(sent.contains("orders-token-1")).isFalse();
        assertThat(sent.contains("Bearer orders-token-10")).isFalse();
        assertThat(sent.contains("Bearer orders-token-")).isFalse();
        assertThat(sent.contains("bearer orders-token-1")).isFalse();
        assertThat(sent.contains("Basic YXBwOmFwcC1vd24=")).isFalse();
    }

    @Test
    void checkingAValueAllocatesNothing() {
        AccessToken older = token(1, HOUR_SECONDS);
        sent.record(older);
        for (int n = 2; n <= 50; n++) {
            sent.record(token(n, HOUR_SECONDS));
        }
        String last = token(50, HOUR_SECONDS).authorizationHeader();
        String olderCopy = copyOf(older);
        String foreign = "Basic YXBwOmFwcC1vd24=";

        assertThat(AllocationMeter.bytesPerCall(() -> sent.contains(last))).isLessThan(1.0);
        assertThat(AllocationMeter.bytesPerCall(() -> sent.contains(olderCopy))).isLessThan(1.0);
        assertThat(AllocationMeter.bytesPerCall(() -> sent.contains(foreign))).isLessThan(1.0);
        assertThat(AllocationMeter.bytesPerCall(() -> sent.mayHaveForgotten(now.get()))).isLessThan(1.0);
    }
}
