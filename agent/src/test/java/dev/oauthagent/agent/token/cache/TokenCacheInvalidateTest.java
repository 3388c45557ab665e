package dev.oauthagent.agent.token.cache;

import static dev.oauthagent.agent.token.cache.ScriptedTokenSource.transientFailure;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.oauthagent.agent.token.AccessToken;

/** Invalidation after the resource server rejected a token (HTTP 401): compare-and-set semantics. */
class TokenCacheInvalidateTest {

    @Test
    void invalidatingTheCurrentTokenEvictsItAndRequestsANewOneAtOnce() {
        CacheFixture f = CacheFixture.hourTokens();
        AccessToken token = f.startAndObtain();

        assertThat(f.cache.invalidate(token)).isTrue();

        assertThat(f.cache.current()).isNull();
        assertThat(f.cache.stats().freshness()).isEqualTo(Freshness.NONE);
        assertThat(f.scheduler.nextDelay()).isZero();
    }

    @Test
    void nextAwaitAfterInvalidationGetsADifferentToken() throws Exception {
        CacheFixture f = CacheFixture.hourTokens();
        AccessToken rejected = f.startAndObtain();
        f.cache.invalidate(rejected);

        BackgroundAwait waiter = new BackgroundAwait(f.cache, Duration.ofSeconds(60)).waitUntilWaiting();
        f.scheduler.runDue();

        AccessToken fresh = waiter.join().token();
        assertThat(fresh).isNotNull().isNotSameAs(rejected);
        assertThat(fresh.value()).isNotEqualTo(rejected.value());
        assertThat(f.source.calls()).isEqualTo(2);
    }

    @Test
    void invalidatingAStaleTokenIsANoOpAndKeepsTheCurrentOne() {
        CacheFixture f = CacheFixture.hourTokens();
        AccessToken old = f.startAndObtain();
        f.scheduler.advance(Duration.ofMinutes(30)); // refreshed
        AccessToken current = f.cache.current();

        assertThat(f.cache.invalidate(old)).isFalse();

        assertThat(f.cache.current()).isSameAs(current);
        assertThat(f.scheduler.nextDelay()).as("the refresh stays where it was").isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void invalidatingTheSameTokenTwiceEvictsOnceAndRequestsOnce() {
        CacheFixture f = CacheFixture.hourTokens();
        AccessToken token = f.startAndObtain();

        assertThat(f.cache.invalidate(token)).isTrue();
        assertThat(f.cache.invalidate(token)).isFalse();
        f.scheduler.runDue();

        assertThat(f.source.calls()).isEqualTo(2);
        assertThat(f.scheduler.pending()).as("only the new token's refresh").isEqualTo(1);
    }

    @Test
    void invalidatingNullOrBeforeAnyTokenIsANoOp() {
        CacheFixture f = CacheFixture.hourTokens();
        assertThat(f.cache.invalidate(null)).isFalse();
        AccessToken stranger = new AccessToken("some-other-token", "Bearer", 60, null);
        assertThat(f.cache.invalidate(stranger)).isFalse();
        assertThat(f.scheduler.pending()).isZero();
    }

    @Test
    void invalidatingAnEqualValueButDifferentInstanceIsANoOp() {
        CacheFixture f = CacheFixture.hourTokens();
        AccessToken token = f.startAndObtain();
        AccessToken copy = new AccessToken(token.value(), "Bearer", token.lifetimeSeconds(), null);
        assertThat(f.cache.invalidate(copy)).isFalse();
        assertThat(f.cache.current()).isSameAs(token);
    }

    @Test
    void invalidationDuringBackoffEvictsButWaitsForThePlannedRetry() {
        CacheFixture f = new CacheFixture(CacheFixture.HOUR, RefreshPolicy.defaults(), FixedRandom.most());
        AccessToken token = f.startAndObtain();
        f.source.thenFail(transientFailure("connection refused"));
        f.scheduler.runNext(); // refresh fails: retry in 1 s
        assertThat(f.cache.current()).isSameAs(token);

        assertThat(f.cache.invalidate(token)).isTrue();

        assertThat(f.cache.current()).isNull();
        assertThat(f.scheduler.nextDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(f.source.calls()).isEqualTo(2);
    }

    @Test
    void supersededRefreshThatStartedAnywayDoesNotRequestASecondToken() {
        CacheFixture f = CacheFixture.hourTokens();
        AccessToken token = f.startAndObtain();
        f.scheduler.cancelArrivesTooLate();
        f.ticker.advance(Duration.ofMinutes(30)); // the planned refresh is due ...
        f.cache.invalidate(token);                // ... and an immediate request supersedes it

        assertThat(f.scheduler.pending()).as("both tasks will run").isEqualTo(2);
        f.scheduler.runDue();

        assertThat(f.source.calls()).isEqualTo(2);
        assertThat(f.cache.stats().fetches()).isEqualTo(2);
    }
}
