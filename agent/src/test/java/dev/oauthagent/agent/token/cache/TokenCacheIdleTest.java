package dev.oauthagent.agent.token.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

import dev.oauthagent.agent.AllocationMeter;
import dev.oauthagent.agent.token.AccessToken;

/**
 * A client that carries no request for two token lifetimes stops refreshing, and its next request wakes it.
 * One-hour tokens, refreshed every 30 min: fetched at 0, 30, 60 and 90 min; at the 120 min refresh nobody has
 * asked for two hours.
 */
class TokenCacheIdleTest {
    private final CacheFixture f = CacheFixture.hourTokens();

    private long infoLinesContaining(String text) {
        return f.logger.at(Level.INFO).stream().filter(line -> line.text().contains(text)).count();
    }

    @Test
    void anUnusedClientStopsRefreshingAfterTwoLifetimesAndSaysSoOnce() {
        f.startAndObtain();

        f.scheduler.advance(Duration.ofHours(24));

        assertThat(f.source.calls()).as("the first token and three refreshes").isEqualTo(4);
        assertThat(f.scheduler.pending()).as("nothing planned while idle").isZero();
        assertThat(f.logger.at(Level.INFO)).extracting(RecordingLogger.Line::text).contains(
                "client 'billing': no request for 7200s (two token lifetimes); not refreshing its token until a"
                        + " request needs it");
        assertThat(infoLinesContaining("no request for")).isEqualTo(1);
    }

    @Test
    void aClientThatCarriesRequestsKeepsRefreshing() {
        f.startAndObtain();

        for (int minute = 10; minute <= 6 * 60; minute += 10) {
            f.scheduler.advance(Duration.ofMinutes(10));
            assertThat(f.cache.forRequest()).as("minute %d", minute).isNotNull();
        }

        assertThat(f.source.calls()).isEqualTo(1 + 12);
        assertThat(infoLinesContaining("no request for")).isZero();
    }

    @Test
    void oneRequestWithinTwoLifetimesPutsTheIdlingOffUntilTwoLifetimesAfterIt() {
        f.startAndObtain();
        f.scheduler.advance(Duration.ofMinutes(1));
        f.cache.forRequest();

        f.scheduler.advance(Duration.ofMinutes(120)); // the refresh at 120 min: only 119 min without a request
        assertThat(f.source.calls()).isEqualTo(5);

        f.scheduler.advance(Duration.ofMinutes(30)); // the one at 150 min: 149 min
        assertThat(f.source.calls()).isEqualTo(5);
        assertThat(f.scheduler.pending()).isZero();
    }

    @Test
    void theNextRequestGetsTheTokenStillHeldAndWakesTheRefreshing() {
        f.startAndObtain();
        f.scheduler.advance(Duration.ofMinutes(130)); // idle since 120 min; the 90 min token lasts until 149
        AccessToken held = f.cache.current();

        assertThat(f.cache.forRequest()).isNotNull().isSameAs(held);
        assertThat(f.scheduler.nextDelay()).as("a new token is requested at once").isZero();
        assertThat(f.logger.at(Level.INFO)).extracting(RecordingLogger.Line::text).contains(
                "client 'billing': a request after 7800s without any; requesting a token again");

        f.scheduler.runDue();
        assertThat(f.source.calls()).isEqualTo(5);
        assertThat(f.cache.current()).isNotSameAs(held);
        assertThat(f.scheduler.nextDelay()).as("refreshing as before").isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void aRequestAfterTheTokenExpiredFindsNoneAndItsTokenRequestIsUnderWayForItToAwait() {
        f.startAndObtain();
        f.scheduler.advance(Duration.ofHours(5));

        assertThat(f.cache.forRequest()).isNull();
        assertThat(f.scheduler.nextDelay()).isZero();

        f.scheduler.runDue();
        assertThat(f.cache.forRequest()).isNotNull();
        assertThat(f.source.calls()).isEqualTo(5);
        assertThat(infoLinesContaining("a request after")).isEqualTo(1);
    }

    @Test
    void readingTheTokenWithoutARequestDoesNotCountAsUse() {
        f.startAndObtain();
        for (int minute = 10; minute <= 6 * 60; minute += 10) {
            f.scheduler.advance(Duration.ofMinutes(10));
            f.cache.current(); // e.g. Injector.rejected looking at the token held
            f.cache.stats();
        }

        assertThat(f.source.calls()).isEqualTo(4);
    }

    @Test
    void markingAUseAllocatesNothing() {
        f.startAndObtain();

        assertThat(AllocationMeter.bytesPerCall(() -> {
            f.ticker.advanceNanos(100_000_000L); // a mark written every ten calls
            f.cache.forRequest();
        })).isLessThan(1.0);
    }
}
