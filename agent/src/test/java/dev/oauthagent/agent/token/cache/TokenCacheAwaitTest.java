package dev.oauthagent.agent.token.cache;

import static dev.oauthagent.agent.token.cache.ScriptedTokenSource.serverBusy;
import static dev.oauthagent.agent.token.cache.ScriptedTokenSource.transientFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.oauthagent.agent.token.AccessToken;

/** Callers with no token to use: bounded waits for the single request in flight. */
class TokenCacheAwaitTest {
    private static final long LONG_WAIT = Duration.ofSeconds(60).toNanos();

    @Test
    void awaitWithATokenReturnsItWithoutRequestingAnother() throws Exception {
        CacheFixture f = CacheFixture.hourTokens();
        AccessToken token = f.startAndObtain();
        assertThat(f.cache.await(LONG_WAIT)).isSameAs(token);
        assertThat(f.source.calls()).isEqualTo(1);
        assertThat(f.scheduler.nextDelay()).as("the refresh stays where it was").isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void awaitBeforeStartRequestsTheFirstTokenAndWaitsForIt() throws Exception {
        CacheFixture f = CacheFixture.hourTokens();
        BackgroundAwait waiter = new BackgroundAwait(f.cache, Duration.ofSeconds(60)).waitUntilWaiting();
        assertThat(f.scheduler.nextDelay()).isZero();

        f.scheduler.runDue();

        assertThat(waiter.join().token()).isSameAs(f.source.lastIssued());
        assertThat(f.source.calls()).isEqualTo(1);
    }

    @Test
    void awaitAfterExpiryRequestsAtOnceInsteadOfRelyingOnTheOverdueRefresh() throws Exception {
        CacheFixture f = CacheFixture.hourTokens();
        AccessToken first = f.startAndObtain();
        f.ticker.advance(Duration.ofMinutes(59)); // past expiry, and the refresh thread has not run (a lagging host)

        BackgroundAwait waiter = new BackgroundAwait(f.cache, Duration.ofSeconds(60)).waitUntilWaiting();
        assertThat(f.scheduler.pending()).as("the planned refresh was superseded, not doubled").isEqualTo(1);
        assertThat(f.scheduler.nextDelay()).isZero();
        f.scheduler.runDue();

        assertThat(waiter.join().token()).isSameAs(f.source.lastIssued()).isNotSameAs(first);
        assertThat(f.source.calls()).isEqualTo(2);
    }

    @Test
    void awaitTimesOutWithTheLastFailureMessageWhenTheRetryIsDueButDoesNotAnswerInTime() {
        CacheFixture f = CacheFixture.hourTokens(); // least jitter: the retry is due at once
        f.source.failFromNowOn(serverBusy(-1));
        f.cache.start();
        f.scheduler.runFirstDue();
        assertThat(f.scheduler.nextDelay()).isZero(); // due, but this scheduler runs nothing unless told

        long timeout = Duration.ofMillis(200).toNanos();
        long before = System.nanoTime();
        assertThatThrownBy(() -> f.cache.await(timeout)).isInstanceOf(TokenUnavailableException.class)
                .hasMessage("no token for client 'billing': token endpoint answered HTTP 503")
                .hasNoCause();
        long waited = System.nanoTime() - before;

        assertThat(waited).as("waited the full timeout").isGreaterThanOrEqualTo(timeout);
        assertThat(waited).as("and not unboundedly").isLessThan(timeout + Duration.ofSeconds(20).toNanos());
    }

    @Test
    void awaitTimesOutNamingTheWaitTimeoutWhenTheFirstRequestHasNotAnswered() {
        CacheFixture f = CacheFixture.hourTokens();
        f.cache.start(); // scheduled, never run

        assertThatThrownBy(() -> f.cache.await(Duration.ofMillis(100).toNanos()))
                .isInstanceOf(TokenUnavailableException.class)
                .hasMessage("no token for client 'billing': the token endpoint did not answer within the wait"
                        + " timeout (100 ms)");
    }

    @Test
    void awaitDuringBackoffFailsAtOnceWhenTheRetryIsDueAfterTheTimeoutAndDoesNotRequestEarly() {
        CacheFixture f = new CacheFixture(CacheFixture.HOUR, RefreshPolicy.defaults(), FixedRandom.most());
        f.source.thenFail(transientFailure("connection refused: idp.example:443"));
        f.cache.start();
        f.scheduler.runDue();
        assertThat(f.scheduler.nextDelay()).isEqualTo(Duration.ofSeconds(1));

        // 1 s of backoff left on the cache's clock; the caller will wait at most 0.5 s.
        assertThatThrownBy(() -> f.cache.await(Duration.ofMillis(500).toNanos()))
                .isInstanceOf(TokenUnavailableException.class)
                .hasMessage("no token for client 'billing': connection refused: idp.example:443");
        assertThat(f.source.calls()).isEqualTo(1);
        assertThat(f.scheduler.nextDelay()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void awaitDuringBackoffWaitsForARetryDueWithinTheTimeout() throws Exception {
        CacheFixture f = new CacheFixture(CacheFixture.HOUR, RefreshPolicy.defaults(), FixedRandom.most());
        f.source.thenFail(transientFailure("connection refused"));
        f.cache.start();
        f.scheduler.runDue();

        BackgroundAwait waiter = new BackgroundAwait(f.cache, Duration.ofSeconds(60)).waitUntilWaiting();
        assertThat(f.scheduler.nextDelay()).as("not brought forward").isEqualTo(Duration.ofSeconds(1));
        f.scheduler.runNext();

        assertThat(waiter.join().token()).isSameAs(f.source.lastIssued());
        assertThat(f.source.calls()).isEqualTo(2);
    }

    @Test
    void awaitKeepsWaitingThroughAFailedRetryForTheNextOneIfTimeRemains() throws Exception {
        CacheFixture f = new CacheFixture(CacheFixture.HOUR, RefreshPolicy.defaults(), FixedRandom.most());
        f.source.thenFail(transientFailure("connection refused")).thenFail(transientFailure("connection refused"));
        f.cache.start();

        BackgroundAwait waiter = new BackgroundAwait(f.cache, Duration.ofSeconds(60)).waitUntilWaiting();
        f.scheduler.runDue();  // fails; retry in 1 s
        waiter.waitUntilWaiting();
        f.scheduler.runNext(); // fails; retry in 2 s
        waiter.waitUntilWaiting();
        f.scheduler.runNext(); // succeeds

        assertThat(waiter.join().token()).isSameAs(f.source.lastIssued());
    }

    @Test
    void awaitOnAnAlreadyInterruptedThreadThrowsAndKeepsTheInterruptFlag() {
        CacheFixture f = CacheFixture.hourTokens();
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> f.cache.await(LONG_WAIT)).isInstanceOf(TokenUnavailableException.class)
                    .hasMessage("no token for client 'billing': interrupted while waiting for a token");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void interruptDuringTheWaitEndsItAndRestoresTheInterruptFlag() throws Exception {
        CacheFixture f = CacheFixture.hourTokens();
        BackgroundAwait waiter = new BackgroundAwait(f.cache, Duration.ofSeconds(60)).waitUntilWaiting();

        waiter.interrupt();
        waiter.join();

        assertThat(waiter.failure()).isInstanceOf(TokenUnavailableException.class)
                .hasMessageContaining("interrupted");
        assertThat(waiter.interruptFlagAfter()).isTrue();
        f.scheduler.runDue();
        assertThat(f.cache.current()).as("the request itself goes on for the next caller").isNotNull();
    }

    @Test
    void interruptedThreadStillGetsAValidTokenWithoutWaiting() throws Exception {
        CacheFixture f = CacheFixture.hourTokens();
        AccessToken token = f.startAndObtain();
        Thread.currentThread().interrupt();
        try {
            assertThat(f.cache.await(LONG_WAIT)).isSameAs(token);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void closeWakesWaitersWhoThenFailSayingTheCacheIsClosed() throws Exception {
        CacheFixture f = CacheFixture.hourTokens();
        BackgroundAwait waiter = new BackgroundAwait(f.cache, Duration.ofSeconds(60)).waitUntilWaiting();

        f.cache.close();

        assertThat(waiter.join().failure()).isInstanceOf(TokenUnavailableException.class)
                .hasMessage("no token for client 'billing': the token cache is closed");
    }

    @Test
    void awaitAfterCloseFailsAtOnceWithoutRequesting() {
        CacheFixture f = CacheFixture.hourTokens();
        f.cache.close();
        assertThatThrownBy(() -> f.cache.await(LONG_WAIT))
                .hasMessage("no token for client 'billing': the token cache is closed");
        assertThat(f.source.calls()).isZero();
    }

    @Test
    void zeroTimeoutStillStartsARequestForLaterCallers() {
        CacheFixture f = CacheFixture.hourTokens();
        assertThatThrownBy(() -> f.cache.await(0)).isInstanceOf(TokenUnavailableException.class);
        assertThat(f.scheduler.nextDelay()).isZero();
        f.scheduler.runDue();
        assertThat(f.cache.current()).isNotNull();
    }
}
