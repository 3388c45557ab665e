package dev.oauthagent.agent.token.cache;

import static dev.oauthagent.agent.token.cache.ScriptedTokenSource.invalidClient;
import static dev.oauthagent.agent.token.cache.ScriptedTokenSource.serverBusy;
import static dev.oauthagent.agent.token.cache.ScriptedTokenSource.transientFailure;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

import dev.oauthagent.agent.token.AccessToken;

/** A failing token endpoint: what is served, when the cache retries, what it says. */
class TokenCacheOutageTest {

    /** Most jitter, so backoff delays are exact: 1, 2, 4, 8, 16, 30, 30 ... seconds. */
    private static CacheFixture hourTokensMostJitter() {
        return new CacheFixture(CacheFixture.HOUR, RefreshPolicy.defaults(), FixedRandom.most());
    }

    private static List<Duration> nextDelaysWhileFailing(CacheFixture f, int count) {
        List<Duration> delays = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            delays.add(f.scheduler.nextDelay());
            f.scheduler.runNext();
        }
        return delays;
    }

    @Test
    void lastGoodTokenIsServedThroughAnOutageUntilItsOwnExpiryAndNeverAfter() {
        CacheFixture f = hourTokensMostJitter();
        long sentAt = f.ticker.read();
        AccessToken token = f.startAndObtain();
        f.source.failFromNowOn(transientFailure("connection refused: idp.example:443"));
        long expiry = sentAt + Duration.ofMinutes(59).toNanos();

        while (f.ticker.read() - (expiry - Duration.ofSeconds(1).toNanos()) < 0) {
            f.scheduler.advance(Duration.ofSeconds(1));
            assertThat(f.cache.current()).isSameAs(token);
        }
        f.ticker.set(expiry - 1);
        assertThat(f.cache.current()).isSameAs(token);
        f.ticker.set(expiry);
        assertThat(f.cache.current()).isNull();

        assertThat(f.cache.stats().failures()).as("retries went on all along").isGreaterThan(40);
        assertThat(f.cache.stats().freshness()).isEqualTo(Freshness.EXPIRED);
    }

    @Test
    void transientFailuresBackOffOneTwoFourEightSixteenThenThirtySecondsWithMostJitter() {
        CacheFixture f = hourTokensMostJitter();
        f.source.failFromNowOn(transientFailure("connection refused"));
        f.cache.start();
        f.scheduler.runDue();

        assertThat(nextDelaysWhileFailing(f, 8)).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(16), Duration.ofSeconds(30),
                Duration.ofSeconds(30), Duration.ofSeconds(30));
    }

    @Test
    void failedRefreshBacksOffFromTheRefreshDuePoint() {
        CacheFixture f = hourTokensMostJitter();
        f.startAndObtain();
        f.source.failFromNowOn(transientFailure("read timed out after 10 s"));
        f.scheduler.runNext(); // the refresh, failing

        assertThat(nextDelaysWhileFailing(f, 3)).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(4));
    }

    @Test
    void retryAfterFromTheServerIsWaitedOutEvenWhenTheJitteredDelayIsShorter() {
        CacheFixture f = CacheFixture.hourTokens();
        f.source.thenFail(serverBusy(120));
        f.cache.start();
        f.scheduler.runDue();
        assertThat(f.scheduler.nextDelay()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void retryAfterOfADayIsCappedAtOneHour() {
        CacheFixture f = CacheFixture.hourTokens();
        f.source.thenFail(serverBusy(86_400));
        f.cache.start();
        f.scheduler.runDue();
        assertThat(f.scheduler.nextDelay()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void successAfterFailuresResetsTheBackoffToOneSecond() {
        CacheFixture f = hourTokensMostJitter();
        f.source.thenFail(transientFailure("connection refused")).thenFail(transientFailure("connection refused"))
                .thenFail(transientFailure("connection refused"));
        f.cache.start();
        f.scheduler.runDue();
        f.scheduler.runNext();
        f.scheduler.runNext();
        assertThat(f.scheduler.nextDelay()).isEqualTo(Duration.ofSeconds(4));
        f.scheduler.runNext();
        assertThat(f.cache.current()).isNotNull();
        assertThat(f.cache.stats().consecutiveFailures()).isZero();

        f.source.failFromNowOn(transientFailure("connection refused"));
        f.scheduler.runNext(); // the refresh
        assertThat(f.scheduler.nextDelay()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void recoveryIsLoggedAtInfoWithTheNumberOfFailedAttempts() {
        CacheFixture f = hourTokensMostJitter();
        f.source.thenFail(transientFailure("connection refused")).thenFail(transientFailure("connection refused"));
        f.cache.start();
        f.scheduler.runDue();
        f.scheduler.runNext();
        f.scheduler.runNext();
        AccessToken token = f.cache.current();

        assertThat(f.logger.at(Level.INFO)).extracting(RecordingLogger.Line::text).containsExactly("client 'billing': token "
                + token.fingerprint() + " obtained after 2 failed attempt(s), lifetime 3600s, refresh in 2100s"); // 30 min + 5 min of jitter
    }

    @Test
    void terminalFailureIsRetriedEveryFiveMinutes() {
        CacheFixture f = hourTokensMostJitter();
        f.source.failFromNowOn(invalidClient());
        f.cache.start();
        f.scheduler.runDue();

        assertThat(nextDelaysWhileFailing(f, 4)).containsOnly(Duration.ofMinutes(5));
        assertThat(f.source.calls()).isEqualTo(5);
    }

    @Test
    void terminalFailureIsWarnedAboutOnceNotOnEveryRetry() {
        CacheFixture f = hourTokensMostJitter();
        f.source.failFromNowOn(invalidClient());
        f.cache.start();
        f.scheduler.runDue();
        nextDelaysWhileFailing(f, 4);

        assertThat(f.logger.at(Level.WARN)).extracting(RecordingLogger.Line::text).containsExactly(
                "client 'billing': token request rejected: token endpoint answered invalid_client (401); check"
                        + " client-id and client-secret. No token to serve. Retrying only every 5 min, or at once"
                        + " when the credentials change. (Logged once; repeats are at debug level.)");
        assertThat(f.logger.at(Level.DEBUG)).hasSize(4);
    }

    @Test
    void terminalFailureIsWarnedAboutOnceEvenWhenTheServedTokenExpiresDuringIt() {
        CacheFixture f = hourTokensMostJitter();
        f.startAndObtain();
        f.source.failFromNowOn(invalidClient());
        f.scheduler.advance(Duration.ofHours(3));

        assertThat(f.cache.current()).isNull();
        assertThat(f.logger.at(Level.WARN)).hasSize(1);
        assertThat(f.logger.at(Level.WARN).get(0).text()).contains("Still serving token");
    }

    @Test
    void credentialsChangedRetriesATerminalFailureAtOnce() {
        CacheFixture f = hourTokensMostJitter();
        f.source.failFromNowOn(invalidClient());
        f.cache.start();
        f.scheduler.runDue();
        assertThat(f.scheduler.nextDelay()).isEqualTo(Duration.ofMinutes(5));

        f.source.recover();
        f.cache.credentialsChanged();

        assertThat(f.scheduler.nextDelay()).isZero();
        f.scheduler.runDue();
        assertThat(f.cache.current()).isSameAs(f.source.lastIssued());
        assertThat(f.source.calls()).isEqualTo(2);
    }

    @Test
    void credentialsChangedWhileStillRejectedWarnsAgainAndBacksOffFiveMinutes() {
        CacheFixture f = hourTokensMostJitter();
        f.source.failFromNowOn(invalidClient());
        f.cache.start();
        f.scheduler.runDue();
        f.cache.credentialsChanged();
        f.scheduler.runDue();

        assertThat(f.logger.at(Level.WARN)).hasSize(2);
        assertThat(f.scheduler.nextDelay()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void credentialsChangedDuringARequestRequestsAgainRightAfterItInsteadOfBackingOff() {
        CacheFixture f = hourTokensMostJitter();
        f.source.thenFail(invalidClient()).duringFetch(() -> {
            if (f.source.calls() == 1) {
                f.cache.credentialsChanged(); // the secret file rotates while the old secret is on the wire
            }
        });
        f.cache.start();
        f.scheduler.runDue();

        assertThat(f.source.calls()).isEqualTo(2);
        assertThat(f.cache.current()).isSameAs(f.source.lastIssued());
    }

    @Test
    void transientOutageIsWarnedOnceWhileServingAndOnceMoreWhenTheTokenRunsOut() {
        CacheFixture f = hourTokensMostJitter();
        AccessToken token = f.startAndObtain();
        f.source.failFromNowOn(transientFailure("connection refused: idp.example:443"));
        f.scheduler.advance(Duration.ofMinutes(40));
        List<RecordingLogger.Line> warnings = f.logger.at(Level.WARN);
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).text()).isEqualTo("client 'billing': token request failed: connection refused:"
                + " idp.example:443. Still serving token " + token.fingerprint() + " for 1440s; next attempt in 1s."); // refresh at 35 min, expiry at 59

        f.scheduler.advance(Duration.ofMinutes(30));

        warnings = f.logger.at(Level.WARN);
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(1).text()).contains("No token to serve");
    }

    @Test
    void outageThatStartsWithoutATokenIsWarnedOnce() {
        CacheFixture f = hourTokensMostJitter();
        f.source.failFromNowOn(transientFailure("connection refused"));
        f.cache.start();
        f.scheduler.advance(Duration.ofMinutes(10));

        assertThat(f.cache.stats().failures()).isGreaterThan(10);
        assertThat(f.logger.at(Level.WARN)).hasSize(1);
    }

    @Test
    void newOutageAfterRecoveryIsWarnedAboutAgain() {
        CacheFixture f = hourTokensMostJitter();
        f.source.thenFail(transientFailure("connection refused"));
        f.cache.start();
        f.scheduler.runDue();
        f.scheduler.runNext(); // recovers
        f.source.thenFail(transientFailure("connection refused"));
        f.scheduler.runNext(); // the refresh fails

        assertThat(f.logger.at(Level.WARN)).hasSize(2);
    }

    @Test
    void unexpectedExceptionFromTheSourceIsRetriedAndItsMessageIsNotRepeated() {
        CacheFixture f = hourTokensMostJitter();
        f.source.duringFetch(() -> {
            if (f.source.calls() == 1) {
                throw new IllegalStateException("parser choked on {\"access_token\":\"" + ScriptedTokenSource.SECRET_MARKER + "\"}");
            }
        });
        f.cache.start();
        f.scheduler.runDue();

        assertThat(f.cache.stats().lastError()).contains("java.lang.IllegalStateException")
                .doesNotContain(ScriptedTokenSource.SECRET_MARKER);
        assertThat(f.logger.lines()).noneMatch(l -> l.text().contains(ScriptedTokenSource.SECRET_MARKER));
        f.scheduler.runNext();
        assertThat(f.cache.current()).isNotNull();
    }

    @Test
    void sourceReturningNullIsAFailureNotAnEmptyToken() {
        CacheFixture f = hourTokensMostJitter();
        TokenCache cache = new TokenCache("billing", () -> null, RefreshPolicy.defaults(), f.ticker, f.scheduler,
                FixedRandom.most(), f.logger);
        cache.start();
        f.scheduler.runDue();

        assertThat(cache.current()).isNull();
        assertThat(cache.stats().lastError()).isEqualTo("the token source returned no token");
        assertThat(f.scheduler.nextDelay()).isEqualTo(Duration.ofSeconds(1));
    }
}
