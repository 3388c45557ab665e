package dev.oauthagent.agent.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
    // Sun, 06 Nov 1994 08:49:37 GMT, the RFC 9110 example date
    private static final Clock NOW = Clock.fixed(Instant.parse("1994-11-06T08:49:37Z"), ZoneOffset.UTC);

    @Test
    void deltaSeconds() {
        assertThat(RetryAfter.seconds("120", NOW)).isEqualTo(120);
        assertThat(RetryAfter.seconds(" 0 ", NOW)).isEqualTo(0);
    }

    @Test
    void deltaSecondsAboveOneHourIsCappedEvenWhenItOverflowsALong() {
        assertThat(RetryAfter.seconds("86400", NOW)).isEqualTo(3600);
        assertThat(RetryAfter.seconds("99999999999999999999999", NOW)).isEqualTo(3600);
    }

    @Test
    void httpDateInAllThreeFormats() {
        assertThat(RetryAfter.seconds("Sun, 06 Nov 1994 08:51:37 GMT", NOW)).isEqualTo(120);
        assertThat(RetryAfter.seconds("Sunday, 06-Nov-94 08:51:37 GMT", NOW)).isEqualTo(120);
        assertThat(RetryAfter.seconds("Sun Nov  6 08:51:37 1994", NOW)).isEqualTo(120);
    }

    @Test
    void httpDateInThePastMeansNowAndFarFutureIsCapped() {
        assertThat(RetryAfter.seconds("Sun, 06 Nov 1994 08:00:00 GMT", NOW)).isEqualTo(0);
        assertThat(RetryAfter.seconds("Mon, 07 Nov 1994 08:49:37 GMT", NOW)).isEqualTo(3600);
    }

    @Test
    void absentOrUnreadableIsMinusOne() {
        assertThat(RetryAfter.seconds(null, NOW)).isEqualTo(-1);
        assertThat(RetryAfter.seconds("", NOW)).isEqualTo(-1);
        assertThat(RetryAfter.seconds("-5", NOW)).isEqualTo(-1);
        assertThat(RetryAfter.seconds("soon", NOW)).isEqualTo(-1);
    }
}
