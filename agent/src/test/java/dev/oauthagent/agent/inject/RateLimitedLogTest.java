package dev.oauthagent.agent.inject;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RateLimitedLogTest {

    @Test
    void oneLinePerIntervalThatCountsWhatItHeldBack() {
        AtomicLong now = new AtomicLong(Long.MAX_VALUE - 10); // crosses the wrap on purpose
        RateLimitedLog log = new RateLimitedLog(now::get, 60, TimeUnit.SECONDS);

        assertThat(log.admit()).isZero();
        now.addAndGet(TimeUnit.SECONDS.toNanos(59));
        assertThat(log.admit()).isEqualTo(-1);
        assertThat(log.admit()).isEqualTo(-1);
        now.addAndGet(TimeUnit.SECONDS.toNanos(1));
        assertThat(log.admit()).isEqualTo(2);
        assertThat(log.admit()).isEqualTo(-1);
    }
}
