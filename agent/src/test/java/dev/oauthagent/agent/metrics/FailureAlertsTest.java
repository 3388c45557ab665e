package dev.oauthagent.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class FailureAlertsTest {
    private static final long WINDOW = Duration.ofMinutes(5).toNanos();

    private final AtomicLong now = new AtomicLong(Long.MAX_VALUE - WINDOW / 2); // wraps within the first window
    private final FailureAlerts alerts = new FailureAlerts("billing", now::get, 3, WINDOW);

    @Test
    void failuresBelowTheBurstWarnNothingAndTheBurstWarnsOnceWithTheCountsByCode() {
        assertThat(alerts.failed("http_503")).isNull();
        assertThat(alerts.failed("io_error")).isNull();

        String warning = alerts.failed("http_503");

        assertThat(warning).startsWith("client 'billing': security: 3 failed token request(s) within 5 min"
                + " (http_503=2, io_error=1): at least 3 failures in a window.")
                .endsWith("(One warning per 5 min at most.)");
        assertThat(alerts.failed("http_503")).as("same window").isNull();
    }

    @Test
    void anInvalidClientWarnsAtOnceAndNamesTheCredentials() {
        assertThat(alerts.failed("invalid_client"))
                .startsWith("client 'billing': security: 1 failed token request(s) within 5 min (invalid_client=1)")
                .contains("refuses this client's credentials", "client-id and client-secret");
    }

    @Test
    void a401WithoutACodeIsACredentialRefusalToo() {
        assertThat(alerts.failed("http_401")).contains("refuses this client's credentials");
    }

    @Test
    void theNextWindowWarnsAgainAndSaysHowManyFailedAfterThePreviousWarning() {
        assertThat(alerts.failed("invalid_client")).isNotNull();
        assertThat(alerts.failed("invalid_client")).isNull();
        assertThat(alerts.failed("invalid_client")).isNull();
        now.addAndGet(WINDOW - 1);
        assertThat(alerts.failed("invalid_client")).as("still the first window").isNull();
        now.addAndGet(1);

        assertThat(alerts.failed("invalid_client"))
                .contains("1 failed token request(s) within 5 min (invalid_client=1); 3 more failed after the"
                        + " previous warning");
        now.addAndGet(WINDOW);
        assertThat(alerts.failed("invalid_client")).doesNotContain("more failed after");
    }

    @Test
    void aBurstSpreadOverTwoWindowsWarnsNot() {
        alerts.failed("http_503");
        alerts.failed("http_503");
        now.addAndGet(WINDOW);

        assertThat(alerts.failed("http_503")).isNull();
        assertThat(alerts.failed("http_503")).isNull();
        assertThat(alerts.failed("http_503")).as("third in the second window").isNotNull();
    }

    @Test
    void aUserGrantWaitingForALoginIsNoFailureToWarnAbout() {
        for (int i = 0; i < 10; i++) {
            assertThat(alerts.failed("login_needed")).isNull();
        }
        assertThat(alerts.failed("http_503")).isNull();
        assertThat(alerts.failed("http_503")).isNull();
        assertThat(alerts.failed("http_503")).as("the third failure that asked a server").contains("(http_503=3)");
    }

    @Test
    void aWindowInSecondsIsNamedInSeconds() {
        FailureAlerts quick = new FailureAlerts("billing", now::get, 1, Duration.ofSeconds(90).toNanos());

        assertThat(quick.failed("http_500")).contains("within 90 s");
    }

    @Test
    void aBurstBelowOneOrAWindowOfNothingIsRefused() {
        assertThatThrownBy(() -> new FailureAlerts("billing", now::get, 0, WINDOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FailureAlerts("billing", now::get, 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
