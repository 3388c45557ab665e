package dev.oauthagent.agent.token.cache;

import static dev.oauthagent.agent.token.cache.ScriptedTokenSource.SECRET_MARKER;
import static dev.oauthagent.agent.token.cache.ScriptedTokenSource.invalidClient;
import static dev.oauthagent.agent.token.cache.ScriptedTokenSource.transientFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.oauthagent.agent.token.AccessToken;

/** close(), stats(), and the promise that no token value escapes. */
class TokenCacheLifecycleTest {

    @Test
    void closeCancelsThePlannedRefreshAndClosesTheScheduler() {
        CacheFixture f = CacheFixture.hourTokens();
        f.startAndObtain();
        assertThat(f.scheduler.pending()).isEqualTo(1);

        f.cache.close();

        assertThat(f.scheduler.pending()).isZero();
        assertThat(f.scheduler.isClosed()).isTrue();
        f.scheduler.advance(Duration.ofHours(2));
        assertThat(f.source.calls()).isEqualTo(1);
    }

    @Test
    void afterCloseNothingSchedulesARequest() {
        CacheFixture f = CacheFixture.hourTokens();
        AccessToken token = f.startAndObtain();
        f.cache.close();

        f.cache.start();
        f.cache.credentialsChanged();
        assertThat(f.cache.invalidate(token)).isTrue();
        f.scheduler.advance(Duration.ofHours(2));

        assertThat(f.source.calls()).isEqualTo(1);
    }

    @Test
    void requestRunningWhenTheCacheClosesPlansNoRefresh() {
        CacheFixture f = CacheFixture.hourTokens();
        f.source.duringFetch(f.cache::close);
        f.cache.start();
        f.scheduler.runDue();

        assertThat(f.scheduler.pending()).isZero();
        assertThat(f.source.calls()).isEqualTo(1);
    }

    @Test
    void closeKeepsServingTheTokenHeldUntilItExpires() {
        CacheFixture f = CacheFixture.hourTokens();
        AccessToken token = f.startAndObtain();
        f.cache.close();
        assertThat(f.cache.current()).isSameAs(token);
        f.ticker.advance(Duration.ofMinutes(59));
        assertThat(f.cache.current()).isNull();
    }

    @Test
    void closeTwiceIsHarmless() {
        CacheFixture f = CacheFixture.hourTokens();
        f.cache.close();
        f.cache.close();
        assertThat(f.scheduler.isClosed()).isTrue();
    }

    @Test
    void statsBeforeAnythingHappenedShowNoToken() {
        TokenCacheStats stats = CacheFixture.hourTokens().cache.stats();
        assertThat(stats.clientName()).isEqualTo("billing");
        assertThat(stats.freshness()).isEqualTo(Freshness.NONE);
        assertThat(stats.fingerprint()).isNull();
        assertThat(stats.fetches()).isZero();
        assertThat(stats.failures()).isZero();
        assertThat(stats.refreshes()).isZero();
        assertThat(stats.lastError()).isNull();
    }

    @Test
    void statsCountRequestsFailuresAndRefreshesAndKeepTheLastErrorAfterRecovery() {
        CacheFixture f = new CacheFixture(CacheFixture.HOUR, RefreshPolicy.defaults(), FixedRandom.most());
        f.startAndObtain();
        f.source.thenFail(transientFailure("connection refused")).thenFail(transientFailure("read timed out"));
        f.scheduler.runNext(); // refresh fails
        TokenCacheStats failing = f.cache.stats();
        f.scheduler.runNext(); // fails again
        f.scheduler.runNext(); // succeeds
        TokenCacheStats recovered = f.cache.stats();

        assertThat(failing.freshness()).isEqualTo(Freshness.REFRESH_DUE);
        assertThat(failing.consecutiveFailures()).isEqualTo(1);
        assertThat(failing.lastError()).isEqualTo("connection refused");
        assertThat(recovered.fetches()).isEqualTo(4);
        assertThat(recovered.failures()).isEqualTo(2);
        assertThat(recovered.refreshes()).isEqualTo(1);
        assertThat(recovered.consecutiveFailures()).isZero();
        assertThat(recovered.lastError()).isEqualTo("read timed out");
        assertThat(recovered.freshness()).isEqualTo(Freshness.FRESH);
        assertThat(recovered.fingerprint()).isEqualTo(f.source.lastIssued().fingerprint());
    }

    @Test
    void statsAreASnapshotThatDoesNotChangeAfterwards() {
        CacheFixture f = CacheFixture.hourTokens();
        f.startAndObtain();
        TokenCacheStats before = f.cache.stats();
        f.scheduler.advance(Duration.ofMinutes(30));
        assertThat(before.fetches()).isEqualTo(1);
        assertThat(before.fingerprint()).isNotEqualTo(f.cache.stats().fingerprint());
    }

    @Test
    void noTokenValueAppearsInLogsStatsExceptionsOrToString() throws Exception {
        CacheFixture f = new CacheFixture(CacheFixture.HOUR, RefreshPolicy.defaults(), FixedRandom.most());
        List<String> said = new ArrayList<>();
        AccessToken first = f.startAndObtain();
        said.add(f.cache.stats().toString());
        f.scheduler.advance(Duration.ofMinutes(35)); // refresh
        f.cache.invalidate(f.cache.current());
        f.scheduler.runDue();
        f.source.failFromNowOn(transientFailure("connection refused"));
        f.scheduler.advance(Duration.ofHours(1)); // outage through expiry
        try {
            f.cache.await(Duration.ofMillis(10).toNanos());
        } catch (TokenUnavailableException e) {
            said.add(e.getMessage());
            said.add(e.toString());
        }
        f.source.failFromNowOn(invalidClient());
        f.cache.credentialsChanged();
        f.scheduler.runDue();
        said.add(f.cache.stats().toString());
        said.add(f.cache.toString());
        f.logger.lines().forEach(l -> said.add(l.text()));

        assertThat(f.source.issued()).hasSize(3);
        assertThat(said).hasSizeGreaterThan(10).noneMatch(s -> s.contains(SECRET_MARKER));
        assertThat(String.join("\n", said)).contains(first.fingerprint());
    }

    @Test
    void tokenUnavailableIsAnIOExceptionSoFailClosedCanThrowItFromHttpClients() {
        CacheFixture f = CacheFixture.hourTokens();
        f.cache.close();
        assertThatThrownBy(() -> f.cache.await(0)).isInstanceOf(java.io.IOException.class)
                .isInstanceOfSatisfying(TokenUnavailableException.class, e -> {
                    assertThat(e.clientName()).isEqualTo("billing");
                    assertThat(e.reason()).isEqualTo("the token cache is closed");
                });
    }
}
