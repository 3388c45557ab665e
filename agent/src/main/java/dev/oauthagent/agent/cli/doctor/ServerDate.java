package dev.oauthagent.agent.cli.doctor;

import dev.oauthagent.agent.token.ResponseDateListener;

import java.time.Clock;
import java.time.Instant;

/**
 * The authorization server's {@code Date} header of the last answer, with this machine's clock read just before
 * the request went out and just after the answer came: the server wrote the header somewhere in between.
 * Given to the token endpoint client of {@code check} only.
 */
public final class ServerDate implements ResponseDateListener {
    private final Clock clock;
    private volatile Instant sent;
    private volatile Reading last;

    public ServerDate(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void sent() {
        sent = clock.instant();
    }

    @Override
    public void answered(String date) {
        Instant sentAt = sent;
        if (sentAt != null) {
            last = new Reading(date, sentAt, clock.instant());
        }
    }

    /** The last answer's, or null when none came. */
    Reading last() {
        return last;
    }

    /** One answer: its Date header (null when it had none) and this machine's time around it. */
    static final class Reading {
        private final String date;
        private final Instant sent;
        private final Instant received;

        Reading(String date, Instant sent, Instant received) {
            this.date = date;
            this.sent = sent;
            this.received = received;
        }

        String date() {
            return date;
        }

        Instant sent() {
            return sent;
        }

        Instant received() {
            return received;
        }
    }
}
