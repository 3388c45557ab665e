package dev.oauthagent.agent.token.device;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The waits between polls, by what the last poll got. */
class PollScheduleTest {

    @Test
    void backoffDoublesUpToAMinuteAndNeverBelowTheInterval() {
        assertThat(PollSchedule.backoff(5, 5, -1)).isEqualTo(10);
        assertThat(PollSchedule.backoff(40, 5, -1)).isEqualTo(60);
        assertThat(PollSchedule.backoff(60, 5, -1)).isEqualTo(60);
        assertThat(PollSchedule.backoff(5, 90, -1)).isEqualTo(90);
    }

    @Test
    void aRetryAfterLongerThanTheBackoffWins() {
        assertThat(PollSchedule.backoff(5, 5, 120)).isEqualTo(120);
        assertThat(PollSchedule.backoff(5, 5, 3)).isEqualTo(10);
    }

    @Test
    void slowDownRaisesTheIntervalForGoodAndSaysSo() {
        PollSchedule schedule = new PollSchedule(5);
        schedule.slowDown();
        schedule.pending();

        assertThat(schedule.waitSeconds()).isEqualTo(10);
        assertThat(schedule.state()).isEqualTo("waiting for you to sign in, checking every 10 s (the server asked to"
                + " slow down)");
    }

    @Test
    void afterFailuresAPendingAnswerGoesBackToTheInterval() {
        PollSchedule schedule = new PollSchedule(5);
        schedule.failed(-1);
        schedule.failed(-1);
        assertThat(schedule.waitSeconds()).isEqualTo(20);

        schedule.pending();

        assertThat(schedule.waitSeconds()).isEqualTo(5);
        assertThat(schedule.state()).isEqualTo("waiting for you to sign in, checking every 5 s");
    }
}
