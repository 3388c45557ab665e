package dev.oauthagent.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oauthagent.agent.token.AccessToken;
import dev.oauthagent.agent.token.TokenFetchException;
import dev.oauthagent.agent.token.TokenFetchException.Kind;
import dev.oauthagent.agent.token.cache.RecordingLogger;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

class CountingTokenSourceTest {
    private static final String SECRET = "client-secret-in-a-message-4711";
    private static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");

    private final ClientMetrics metrics = new ClientMetrics();
    private final AtomicLong now = new AtomicLong();
    private final RecordingLogger logger = new RecordingLogger();
    private TokenFetchException failure;
    private final AccessToken token = new AccessToken("the-token-value", "bearer", 300, null);
    private final CountingTokenSource source = new CountingTokenSource(this::fetch, metrics,
            new FailureAlerts("billing", now::get, 3, 1_000), Clock.fixed(AT, ZoneOffset.UTC), logger);

    private AccessToken fetch() throws TokenFetchException {
        if (failure != null) {
            throw failure;
        }
        return token;
    }

    @Test
    void aSuccessCountsARequestAndReturnsTheSourcesToken() throws Exception {
        assertThat(source.fetch()).isSameAs(token);

        assertThat(metrics.tokenRequests()).isEqualTo(1);
        assertThat(metrics.tokenFailures()).isZero();
        assertThat(logger.lines()).isEmpty();
    }

    @Test
    void anInvalidClientIsCountedByCodeRethrownAsItWasAndWarnedOnceWithoutTheMessage() {
        failure = new TokenFetchException("the server said: bad secret " + SECRET, Kind.TERMINAL, "invalid_client", 401,
                -1, null);

        assertThatThrownBy(source::fetch).isSameAs(failure);
        assertThatThrownBy(source::fetch).isSameAs(failure);

        assertThat(metrics.tokenRequests()).isEqualTo(2);
        assertThat(metrics.failuresByCode()).containsExactly("invalid_client=2");
        assertThat(metrics.lastFailure().code()).isEqualTo("invalid_client");
        assertThat(metrics.lastFailure().epochMillis()).isEqualTo(AT.toEpochMilli());
        assertThat(logger.at(Level.WARN)).hasSize(1);
        assertThat(logger.lines().toString()).contains("client 'billing': security: 1 failed token request(s)")
                .doesNotContain(SECRET).doesNotContain("bad secret");
    }

    @Test
    void aBugInTheSourceIsCountedAsOtherAndGoesOn() {
        CountingTokenSource broken = new CountingTokenSource(() -> {
            throw new IllegalStateException("bug");
        }, metrics, new FailureAlerts("billing", now::get, 1, 1_000), Clock.fixed(AT, ZoneOffset.UTC), logger);

        assertThatThrownBy(broken::fetch).isInstanceOf(IllegalStateException.class);
        assertThat(metrics.failuresByCode()).containsExactly("other=1");
        assertThat(logger.at(Level.WARN)).hasSize(1);
    }
}
