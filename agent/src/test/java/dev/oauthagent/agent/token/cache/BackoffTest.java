package dev.oauthagent.agent.token.cache;

import static dev.oauthagent.agent.token.cache.ScriptedTokenSource.invalidClient;
import static dev.oauthagent.agent.token.cache.ScriptedTokenSource.serverBusy;
import static dev.oauthagent.agent.token.cache.ScriptedTokenSource.transientFailure;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.oauthagent.agent.token.TokenFetchException;

class BackoffTest {
    private static List<Duration> delays(Backoff backoff, TokenFetchException failure, int count) {
        List<Duration> out = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            out.add(Duration.ofNanos(backoff.delayNanos(n, failure)));
        }
        return out;
    }

    private static List<Duration> seconds(double... values) {
        List<Duration> out = new ArrayList<>();
        for (double v : values) {
            out.add(Duration.ofNanos((long) (v * 1_000_000_000L)));
        }
        return out;
    }

    @Test
    void transientDelaysWithMostJitterDoubleFromOneSecondUpToTheThirtySecondCap() {
        Backoff backoff = new Backoff(FixedRandom.most());
        assertThat(delays(backoff, transientFailure("connection refused"), 8))
                .isEqualTo(seconds(1, 2, 4, 8, 16, 30, 30, 30));
    }

    @Test
    void transientDelaysWithHalfJitterAreHalfTheCeiling() {
        Backoff backoff = new Backoff(new FixedRandom(0.5));
        assertThat(delays(backoff, transientFailure("connection refused"), 7))
                .isEqualTo(seconds(0.5, 1, 2, 4, 8, 15, 15));
    }

    @Test
    void fullJitterMeansTheLeastRandomRetriesAtOnce() {
        Backoff backoff = new Backoff(FixedRandom.least());
        assertThat(delays(backoff, transientFailure("connection refused"), 6)).containsOnly(Duration.ZERO);
    }

    @Test
    void ceilingStaysAtTheCapForHugeAttemptNumbersInsteadOfOverflowing() {
        assertThat(Backoff.ceilingNanos(63)).isEqualTo(Backoff.CAP_NANOS);
        assertThat(Backoff.ceilingNanos(Integer.MAX_VALUE)).isEqualTo(Backoff.CAP_NANOS);
    }

    @Test
    void retryAfterIsAFloorUnderTheJitteredDelay() {
        Backoff least = new Backoff(FixedRandom.least());
        assertThat(least.delayNanos(0, serverBusy(10))).isEqualTo(Duration.ofSeconds(10).toNanos());
        Backoff most = new Backoff(FixedRandom.most());
        assertThat(most.delayNanos(3, serverBusy(2))).as("8 s jittered beats a 2 s Retry-After")
                .isEqualTo(Duration.ofSeconds(8).toNanos());
    }

    @Test
    void retryAfterIsCappedAtOneHour() {
        Backoff backoff = new Backoff(FixedRandom.least());
        assertThat(backoff.delayNanos(0, serverBusy(86_400))).isEqualTo(Duration.ofHours(1).toNanos());
    }

    @Test
    void absentOrNonPositiveRetryAfterIsIgnored() {
        Backoff backoff = new Backoff(FixedRandom.most());
        assertThat(backoff.delayNanos(0, serverBusy(-1))).isEqualTo(Duration.ofSeconds(1).toNanos());
        assertThat(backoff.delayNanos(0, serverBusy(0))).isEqualTo(Duration.ofSeconds(1).toNanos());
    }

    @Test
    void terminalFailuresWaitFiveMinutesWhateverTheAttemptNumberOrJitter() {
        assertThat(delays(new Backoff(FixedRandom.least()), invalidClient(), 4)).containsOnly(Duration.ofMinutes(5));
        assertThat(delays(new Backoff(FixedRandom.most()), invalidClient(), 4)).containsOnly(Duration.ofMinutes(5));
    }

    @Test
    void terminalFailureWithALongerRetryAfterWaitsForItUpToOneHour() {
        TokenFetchException throttled = new TokenFetchException("token endpoint answered unauthorized_client (400)",
                TokenFetchException.Kind.TERMINAL, "unauthorized_client", 400, 7200, null);
        assertThat(new Backoff(FixedRandom.least()).delayNanos(0, throttled)).isEqualTo(Duration.ofHours(1).toNanos());
    }
}
