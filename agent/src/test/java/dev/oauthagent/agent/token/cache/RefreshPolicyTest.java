package dev.oauthagent.agent.token.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.oauthagent.agent.config.ClientConfig;

class RefreshPolicyTest {
    private static final RefreshPolicy DEFAULTS = RefreshPolicy.defaults();

    private static long nanos(Duration d) {
        return d.toNanos();
    }

    private static Duration refresh(RefreshPolicy p, Duration lifetime, Random r) {
        return Duration.ofNanos(p.refreshOffsetNanos(nanos(lifetime), r));
    }

    private static Duration expiry(RefreshPolicy p, Duration lifetime) {
        return Duration.ofNanos(p.expiryOffsetNanos(nanos(lifetime)));
    }

    @Test
    void defaultRefreshWithLeastJitterIsAtHalfTheLifetime() {
        assertThat(refresh(DEFAULTS, Duration.ofHours(1), FixedRandom.least())).isEqualTo(Duration.ofMinutes(30));
        assertThat(refresh(DEFAULTS, Duration.ofMinutes(2), FixedRandom.least())).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void defaultRefreshWithMostJitterAddsTenPercentOfALifetimeUnderFiftyMinutes() {
        assertThat(refresh(DEFAULTS, Duration.ofMinutes(10), FixedRandom.most())).isEqualTo(Duration.ofMinutes(6));
        assertThat(refresh(DEFAULTS, Duration.ofMinutes(2), FixedRandom.most())).isEqualTo(Duration.ofSeconds(72));
    }

    @Test
    void defaultRefreshJitterIsCappedAtFiveMinutesForLongTokens() {
        assertThat(refresh(DEFAULTS, Duration.ofHours(1), FixedRandom.most())).isEqualTo(Duration.ofMinutes(35));
        assertThat(refresh(DEFAULTS, Duration.ofHours(24), FixedRandom.most())).isEqualTo(Duration.ofMinutes(12 * 60 + 5));
    }

    @Test
    void defaultRefreshWithMidJitterIsHalfwayThroughTheJitterWindow() {
        assertThat(refresh(DEFAULTS, Duration.ofMinutes(10), new FixedRandom(0.5)))
                .isEqualTo(Duration.ofSeconds(330));
    }

    @Test
    void refreshBeforeRefreshesThatLongBeforeTheLifetimeEndsWithoutJitter() {
        RefreshPolicy p = RefreshPolicy.of(Duration.ofMinutes(10), null);
        assertThat(refresh(p, Duration.ofHours(1), FixedRandom.least())).isEqualTo(Duration.ofMinutes(50));
        assertThat(refresh(p, Duration.ofHours(1), FixedRandom.most())).isEqualTo(Duration.ofMinutes(50));
    }

    @Test
    void refreshBeforeLongerThanHalfTheLifetimeRefreshesAtHalfTheLifetimeNotContinuously() {
        RefreshPolicy p = RefreshPolicy.of(Duration.ofMinutes(5), null);
        assertThat(refresh(p, Duration.ofMinutes(2), FixedRandom.least())).isEqualTo(Duration.ofMinutes(1));
        assertThat(refresh(p, Duration.ofMinutes(5), FixedRandom.least())).isEqualTo(Duration.ofSeconds(150));
    }

    @Test
    void refreshBeforeShorterThanTheSkewRefreshesAtExpiryNotAfterIt() {
        RefreshPolicy p = RefreshPolicy.of(Duration.ofSeconds(30), null);
        assertThat(refresh(p, Duration.ofHours(1), FixedRandom.least())).isEqualTo(Duration.ofMinutes(59));
    }

    @Test
    void defaultSkewIsSixtySecondsForTokensOfTenMinutesOrMore() {
        assertThat(expiry(DEFAULTS, Duration.ofHours(1))).isEqualTo(Duration.ofMinutes(59));
        assertThat(expiry(DEFAULTS, Duration.ofMinutes(10))).isEqualTo(Duration.ofMinutes(9));
    }

    @Test
    void defaultSkewIsTenPercentForTokensShorterThanTenMinutes() {
        assertThat(expiry(DEFAULTS, Duration.ofMinutes(2))).isEqualTo(Duration.ofSeconds(108));
        assertThat(expiry(DEFAULTS, Duration.ofSeconds(5))).isEqualTo(Duration.ofMillis(4500));
        assertThat(expiry(DEFAULTS, Duration.ofSeconds(1))).isEqualTo(Duration.ofMillis(900));
    }

    @Test
    void configuredSkewIsUsedAsGiven() {
        RefreshPolicy p = RefreshPolicy.of(null, Duration.ofMinutes(5));
        assertThat(expiry(p, Duration.ofHours(1))).isEqualTo(Duration.ofMinutes(55));
        assertThat(expiry(RefreshPolicy.of(null, Duration.ZERO), Duration.ofHours(1))).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void configuredSkewLongerThanAThirdOfTheLifetimeIsCappedSoExpiryStaysWellAfterIssue() {
        RefreshPolicy p = RefreshPolicy.of(null, Duration.ofMinutes(5));
        assertThat(expiry(p, Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(40));
        assertThat(expiry(RefreshPolicy.of(null, Duration.ofDays(365)), Duration.ofSeconds(3)))
                .isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void refreshIsNeverAfterExpiryAndExpiryAlwaysAfterIssueForAnyLifetimeAndSetting() {
        RefreshPolicy[] policies = {DEFAULTS, RefreshPolicy.of(Duration.ofMinutes(5), null),
            RefreshPolicy.of(Duration.ofSeconds(1), Duration.ofMinutes(10)), RefreshPolicy.of(null, Duration.ofHours(2)),
            RefreshPolicy.of(Duration.ofDays(1), Duration.ofDays(1))};
        long[] lifetimesSeconds = {1, 2, 5, 59, 60, 119, 300, 599, 600, 601, 3600, 86400, 30L * 86400};
        for (RefreshPolicy p : policies) {
            for (long seconds : lifetimesSeconds) {
                for (Random r : new Random[] {FixedRandom.least(), FixedRandom.most()}) {
                    long lifetime = Duration.ofSeconds(seconds).toNanos();
                    long expiry = p.expiryOffsetNanos(lifetime);
                    long refresh = p.refreshOffsetNanos(lifetime, r);
                    assertThat(expiry).as("%s, %d s: expiry", p, seconds).isPositive().isLessThanOrEqualTo(lifetime);
                    assertThat(refresh).as("%s, %d s: refresh", p, seconds).isGreaterThanOrEqualTo(lifetime / 2)
                            .isLessThanOrEqualTo(expiry);
                }
            }
        }
    }

    @Test
    void defaultRefreshComesStrictlyBeforeExpiryEvenWithMostJitterAndAMaximalConfiguredSkew() {
        RefreshPolicy p = RefreshPolicy.of(null, Duration.ofDays(1));
        long lifetime = Duration.ofMinutes(10).toNanos();
        assertThat(p.refreshOffsetNanos(lifetime, FixedRandom.most())).isLessThan(p.expiryOffsetNanos(lifetime));
    }

    @Test
    void zeroLifetimeExpiresAtOnce() {
        assertThat(DEFAULTS.expiryOffsetNanos(0)).isZero();
        assertThat(DEFAULTS.refreshOffsetNanos(0, FixedRandom.most())).isZero();
    }

    @Test
    void absurdLifetimesAreCappedAtTenYearsSoTickerArithmeticCannotOverflow() {
        long tenYears = Duration.ofDays(3650).toNanos();
        assertThat(DEFAULTS.expiryOffsetNanos(Long.MAX_VALUE)).isEqualTo(tenYears - Duration.ofSeconds(60).toNanos());
        assertThat(DEFAULTS.refreshOffsetNanos(Long.MAX_VALUE, FixedRandom.least())).isEqualTo(tenYears / 2);
    }

    @Test
    void negativeDurationsCountAsZero() {
        RefreshPolicy p = RefreshPolicy.of(Duration.ofMinutes(-5), Duration.ofMinutes(-5));
        assertThat(expiry(p, Duration.ofHours(1))).isEqualTo(Duration.ofHours(1));
        assertThat(refresh(p, Duration.ofHours(1), FixedRandom.least())).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void fromClientConfigReadsRefreshBeforeAndExpirySkew() {
        ClientConfig config = ClientConfig.builder("billing").tokenUrl(URI.create("https://idp.example/token"))
                .clientId("billing-app").refreshBefore(Duration.ofMinutes(10)).expirySkew(Duration.ofMinutes(2))
                .build();
        RefreshPolicy p = RefreshPolicy.from(config);
        assertThat(expiry(p, Duration.ofHours(1))).isEqualTo(Duration.ofMinutes(58));
        assertThat(refresh(p, Duration.ofHours(1), FixedRandom.most())).isEqualTo(Duration.ofMinutes(50));
    }

    @Test
    void fromClientConfigWithoutSettingsIsTheDefaultPolicy() {
        ClientConfig config = ClientConfig.builder("billing").tokenUrl(URI.create("https://idp.example/token"))
                .clientId("billing-app").build();
        RefreshPolicy p = RefreshPolicy.from(config);
        assertThat(expiry(p, Duration.ofMinutes(2))).isEqualTo(Duration.ofSeconds(108));
        assertThat(refresh(p, Duration.ofHours(1), FixedRandom.most())).isEqualTo(Duration.ofMinutes(35));
    }
}
