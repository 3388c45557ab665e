package dev.oauthagent.agent.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.agent.token.MalformedTokenResponseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class ClockSkewCheckTest {
    private static final Instant SENT = Instant.parse("2026-12-07T12:00:00.400Z");
    private static final Instant RECEIVED = SENT.plusMillis(300);

    private final ClockSkewCheck check = new ClockSkewCheck();

    @Test
    void aServerTenMinutesAheadFailsAsClockSkewWithTheNtpFix() {
        Finding finding = check.check(reading(SENT.plus(Duration.ofMinutes(10))), null);

        assertThat(finding.status()).isEqualTo(Finding.Status.FAIL);
        assertThat(finding.code()).isEqualTo("clock-skew");
        assertThat(finding.summary()).contains("599 s behind", "Date header", "300 ms round trip", "not yet valid");
        assertThat(finding.fix()).contains("NTP", "chronyc");
    }

    @Test
    void aServerFortyFiveSecondsBehindWarns() {
        Finding finding = check.check(reading(SENT.minusSeconds(45)), null);

        assertThat(finding.status()).isEqualTo(Finding.Status.WARN);
        assertThat(finding.summary()).contains("ahead of the authorization server's", "expired early");
    }

    @Test
    void aDifferenceWithinTheHeadersSecondAndTheRoundTripIsNoSkew() {
        // Date cut to the second: 12:00:00 while this clock read 12:00:00.4 to 12:00:00.7, equal clocks.
        assertThat(ClockSkewCheck.provableOffsetMillis(Instant.parse("2026-12-07T12:00:00Z"), SENT, RECEIVED))
                .isZero();
        Finding finding = check.check(reading(SENT), null);
        assertThat(finding.status()).isEqualTo(Finding.Status.OK);
        assertThat(finding.summary()).startsWith("this machine's clock and the authorization server's differ by 0 s");
    }

    @Test
    void onlyTheDifferenceBeyondTheSecondAndTheRoundTripCounts() {
        Instant sent = Instant.parse("2026-12-07T12:00:00Z");
        Instant received = sent.plusSeconds(2);

        assertThat(ClockSkewCheck.provableOffsetMillis(sent.plusSeconds(40), sent, received)).isEqualTo(38_000);
        assertThat(ClockSkewCheck.provableOffsetMillis(sent.minusSeconds(40), sent, received)).isEqualTo(-39_001);
        assertThat(ClockSkewCheck.provableOffsetMillis(sent.plusSeconds(2), sent, received)).isZero();
        assertThat(ClockSkewCheck.provableOffsetMillis(sent.minusSeconds(1), sent, received)).isEqualTo(-1);
    }

    @Test
    void withoutADateHeaderTheTokensIatIsTheServersTime() throws MalformedTokenResponseException {
        JwtClaims claims = JwtClaims.of(UnsignedJwt.withClaims("{\"iat\":" + SENT.plusSeconds(400).getEpochSecond()
                + "}"));

        Finding finding = check.check(new ServerDate.Reading(null, SENT, RECEIVED), claims);

        assertThat(finding.status()).isEqualTo(Finding.Status.FAIL);
        assertThat(finding.summary()).contains("the token's iat", "399 s behind");
    }

    @Test
    void withNeitherDateNorIatTheClocksAreNotCompared() {
        Finding finding = check.check(new ServerDate.Reading("not a date", SENT, RECEIVED), null);

        assertThat(finding.status()).isEqualTo(Finding.Status.OK);
        assertThat(finding.summary()).contains("not compared");
    }

    @Test
    void serverDateTimesTheAnswerOnTheGivenClock() {
        MutableClock clock = new MutableClock(SENT);
        ServerDate serverDate = new ServerDate(clock);

        serverDate.answered("ignored: nothing was sent");
        assertThat(serverDate.last()).isNull();
        serverDate.sent();
        clock.now = RECEIVED;
        serverDate.answered("Mon, 07 Dec 2026 12:00:00 GMT");

        assertThat(serverDate.last().sent()).isEqualTo(SENT);
        assertThat(serverDate.last().received()).isEqualTo(RECEIVED);
        assertThat(serverDate.last().date()).isEqualTo("Mon, 07 Dec 2026 12:00:00 GMT");
    }

    private static ServerDate.Reading reading(Instant serverTime) {
        return new ServerDate.Reading(DateTimeFormatter.RFC_1123_DATE_TIME.format(serverTime.atZone(ZoneOffset.UTC)),
                SENT, RECEIVED);
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
