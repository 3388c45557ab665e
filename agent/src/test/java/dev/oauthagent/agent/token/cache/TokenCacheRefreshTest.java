package dev.oauthagent.agent.token.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

import dev.oauthagent.agent.token.AccessToken;

/** Proactive refresh on the manual clock: when it happens, what is served meanwhile, when a token stops. */
class TokenCacheRefreshTest {

    @Test
    void startReturnsAtOnceAndTheFirstRequestRunsOnTheScheduler() {
        CacheFixture f = CacheFixture.hourTokens();
        f.cache.start();
        assertThat(f.source.calls()).isZero();
        assertThat(f.cache.current()).isNull();
        assertThat(f.scheduler.nextDelay()).isZero();

        f.scheduler.runDue();

        assertThat(f.source.calls()).isEqualTo(1);
        assertThat(f.cache.current()).isSameAs(f.source.lastIssued());
    }

    @Test
    void startTwiceRequestsOnce() {
        CacheFixture f = CacheFixture.hourTokens();
        f.cache.start();
        f.cache.start();
        f.scheduler.runDue();
        f.cache.start();
        f.scheduler.runDue();
        assertThat(f.source.calls()).isEqualTo(1);
    }

    @Test
    void firstTokenIsLoggedAtInfoWithFingerprintLifetimeAndRefreshDelay() {
        CacheFixture f = CacheFixture.hourTokens();
        AccessToken token = f.startAndObtain();
        assertThat(f.logger.at(Level.INFO)).extracting(RecordingLogger.Line::text).containsExactly(
                "client 'billing': token " + token.fingerprint() + " obtained, lifetime 3600s, refresh in 1800s");
    }

    @Test
    void refreshIsScheduledAtHalfTheLifetimeWithLeastJitter() {
        CacheFixture f = CacheFixture.hourTokens();
        f.startAndObtain();
        assertThat(f.scheduler.nextDelay()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void refreshIsScheduledAtHalfTheLifetimePlusFiveMinutesWithMostJitterOnAnHourToken() {
        CacheFixture f = new CacheFixture(CacheFixture.HOUR, RefreshPolicy.defaults(), FixedRandom.most());
        f.startAndObtain();
        assertThat(f.scheduler.nextDelay()).isEqualTo(Duration.ofMinutes(35));
    }

    @Test
    void refreshIsScheduledAtLifetimeMinusRefreshBeforeWhenConfigured() {
        CacheFixture f = new CacheFixture(CacheFixture.HOUR, RefreshPolicy.of(Duration.ofMinutes(10), null),
                FixedRandom.most());
        f.startAndObtain();
        assertThat(f.scheduler.nextDelay()).isEqualTo(Duration.ofMinutes(50));
    }

    @Test
    void deadlinesCountFromWhenTheRequestWasSentNotWhenTheResponseArrived() {
        CacheFixture f = CacheFixture.hourTokens();
        Duration slowResponse = Duration.ofSeconds(20);
        f.source.duringFetch(() -> f.ticker.advance(slowResponse));
        long sentAt = f.ticker.read();

        AccessToken token = f.startAndObtain();

        assertThat(f.scheduler.nextDelay()).isEqualTo(Duration.ofMinutes(30).minus(slowResponse));
        f.ticker.set(sentAt + Duration.ofMinutes(59).toNanos() - 1);
        assertThat(f.cache.current()).isSameAs(token);
        f.ticker.set(sentAt + Duration.ofMinutes(59).toNanos());
        assertThat(f.cache.current()).isNull();
    }

    @Test
    void tokenIsServedOneNanosecondBeforeExpiryAndNeverAtOrAfterIt() {
        CacheFixture f = CacheFixture.hourTokens();
        long sentAt = f.ticker.read();
        AccessToken token = f.startAndObtain();
        long expiry = sentAt + Duration.ofMinutes(59).toNanos(); // 1 h less the default 60 s skew

        // Move the clock without running the refresh: nothing may rescue an expired token but a new one.
        f.ticker.set(expiry - 1);
        assertThat(f.cache.current()).isSameAs(token);
        f.ticker.set(expiry);
        assertThat(f.cache.current()).isNull();
        f.ticker.set(expiry + 1);
        assertThat(f.cache.current()).isNull();
        f.ticker.set(expiry + Duration.ofDays(1).toNanos());
        assertThat(f.cache.current()).isNull();
    }

    @Test
    void shortTokenExpiresAfterNinetyPercentOfItsLifetime() {
        CacheFixture f = new CacheFixture(120, RefreshPolicy.defaults(), FixedRandom.least());
        long sentAt = f.ticker.read();
        AccessToken token = f.startAndObtain();

        f.ticker.set(sentAt + Duration.ofSeconds(108).toNanos() - 1);
        assertThat(f.cache.current()).isSameAs(token);
        f.ticker.set(sentAt + Duration.ofSeconds(108).toNanos());
        assertThat(f.cache.current()).isNull();
    }

    @Test
    void configuredSkewMovesExpiryEarlier() {
        CacheFixture f = new CacheFixture(CacheFixture.HOUR, RefreshPolicy.of(null, Duration.ofMinutes(5)),
                FixedRandom.least());
        long sentAt = f.ticker.read();
        AccessToken token = f.startAndObtain();

        f.ticker.set(sentAt + Duration.ofMinutes(55).toNanos() - 1);
        assertThat(f.cache.current()).isSameAs(token);
        f.ticker.set(sentAt + Duration.ofMinutes(55).toNanos());
        assertThat(f.cache.current()).isNull();
    }

    @Test
    void tokenGoesFreshThenRefreshDueThenExpired() {
        CacheFixture f = CacheFixture.hourTokens();
        long sentAt = f.ticker.read();
        assertThat(f.cache.stats().freshness()).isEqualTo(Freshness.NONE);
        f.startAndObtain();

        assertThat(f.cache.stats().freshness()).isEqualTo(Freshness.FRESH);
        f.ticker.set(sentAt + Duration.ofMinutes(30).toNanos() - 1);
        assertThat(f.cache.stats().freshness()).isEqualTo(Freshness.FRESH);
        f.ticker.set(sentAt + Duration.ofMinutes(30).toNanos());
        assertThat(f.cache.stats().freshness()).isEqualTo(Freshness.REFRESH_DUE);
        assertThat(f.cache.current()).as("refresh-due tokens are still served").isNotNull();
        f.ticker.set(sentAt + Duration.ofMinutes(59).toNanos());
        assertThat(f.cache.stats().freshness()).isEqualTo(Freshness.EXPIRED);
    }

    @Test
    void secondsUntilExpiryCountsDownToTheServedExpiryAndIsMinusOneWithoutAToken() {
        CacheFixture f = CacheFixture.hourTokens();
        long sentAt = f.ticker.read();
        assertThat(f.cache.secondsUntilExpiry()).isEqualTo(-1);
        f.startAndObtain();

        assertThat(f.cache.secondsUntilExpiry()).isEqualTo(Duration.ofMinutes(59).toSeconds());
        f.ticker.set(sentAt + Duration.ofMinutes(58).toNanos() + 1);
        assertThat(f.cache.secondsUntilExpiry()).isEqualTo(59);
        f.ticker.set(sentAt + Duration.ofMinutes(70).toNanos());
        assertThat(f.cache.secondsUntilExpiry()).isZero();
    }

    @Test
    void refreshAtRefreshDueReplacesTheTokenWhichIsServedUntilThen() {
        CacheFixture f = CacheFixture.hourTokens();
        AccessToken first = f.startAndObtain();

        f.scheduler.advance(Duration.ofMinutes(30).minusNanos(1));
        assertThat(f.source.calls()).isEqualTo(1);
        assertThat(f.cache.current()).isSameAs(first);

        f.scheduler.advance(Duration.ofNanos(1));
        assertThat(f.source.calls()).isEqualTo(2);
        AccessToken second = f.cache.current();
        assertThat(second).isSameAs(f.source.lastIssued()).isNotSameAs(first);
        assertThat(f.cache.stats().refreshes()).isEqualTo(1);
        assertThat(f.scheduler.nextDelay()).as("the new token's refresh").isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void routineRefreshIsLoggedAtDebugNotInfo() {
        CacheFixture f = CacheFixture.hourTokens();
        f.startAndObtain();
        f.scheduler.advance(Duration.ofMinutes(30));
        AccessToken second = f.cache.current();

        assertThat(f.logger.at(Level.INFO)).hasSize(1);
        assertThat(f.logger.at(Level.DEBUG)).extracting(RecordingLogger.Line::text).containsExactly(
                "client 'billing': token " + second.fingerprint() + " refreshed, lifetime 3600s, refresh in 1800s");
    }

    @Test
    void refreshesKeepComingForHoursWithoutTheTokenEverLapsing() {
        CacheFixture f = CacheFixture.hourTokens();
        f.startAndObtain();
        for (int minute = 1; minute <= 6 * 60; minute++) {
            f.scheduler.advance(Duration.ofMinutes(1));
            assertThat(f.cache.forRequest()).as("minute %d", minute).isNotNull(); // a client in use
        }
        assertThat(f.source.calls()).isEqualTo(1 + 12);
    }

    @Test
    void tokenThatArrivesAlreadyExpiredIsAFailureAndIsNotServed() {
        CacheFixture f = new CacheFixture(0, RefreshPolicy.defaults(), FixedRandom.most());
        f.cache.start();
        f.scheduler.runDue();

        assertThat(f.cache.current()).isNull();
        TokenCacheStats stats = f.cache.stats();
        assertThat(stats.failures()).isEqualTo(1);
        assertThat(stats.lastError()).contains("lifetime of 0 s").contains("expires_in");
        assertThat(f.scheduler.nextDelay()).as("backoff, not a tight loop").isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void deadlinesHoldAcrossTheTickerWrappingPastLongMaxValue() {
        CacheFixture f = CacheFixture.hourTokens();
        f.ticker.set(Long.MAX_VALUE - 5);
        long sentAt = f.ticker.read();
        AccessToken token = f.startAndObtain();

        f.ticker.set(sentAt + Duration.ofMinutes(59).toNanos() - 1); // wrapped to a negative long
        assertThat(f.ticker.read()).isNegative();
        assertThat(f.cache.current()).isSameAs(token);
        f.ticker.set(sentAt + Duration.ofMinutes(59).toNanos());
        assertThat(f.cache.current()).isNull();
    }
}
