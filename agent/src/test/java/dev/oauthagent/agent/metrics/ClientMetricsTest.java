package dev.oauthagent.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientMetricsTest {
    private final ClientMetrics metrics = new ClientMetrics();

    @Test
    void startsAtZeroWithoutALastFailure() {
        assertThat(metrics.tokenRequests()).isZero();
        assertThat(metrics.tokenFailures()).isZero();
        assertThat(metrics.failuresByCode()).isEmpty();
        assertThat(metrics.lastFailure()).isNull();
    }

    @Test
    void countsFailuresByCodeSortedAndKeepsTheLastOnesCodeAndTime() {
        metrics.tokenRequested();
        metrics.tokenRequested();
        metrics.tokenRequested();
        metrics.tokenFailed("invalid_scope", 1_000);
        metrics.tokenFailed("http_503", 2_000);
        metrics.tokenFailed("http_503", 3_000);

        assertThat(metrics.tokenRequests()).isEqualTo(3);
        assertThat(metrics.tokenFailures()).isEqualTo(3);
        assertThat(metrics.failuresByCode()).containsExactly("http_503=2", "invalid_scope=1");
        assertThat(metrics.lastFailure().code()).isEqualTo("http_503");
        assertThat(metrics.lastFailure().epochMillis()).isEqualTo(3_000);
    }

    @Test
    void codesBeyondTheLimitAreCountedAsOtherSoAServerCannotGrowTheMap() {
        for (int i = 0; i < ClientMetrics.MAX_CODES + 10; i++) {
            metrics.tokenFailed("code_" + i, i);
        }
        metrics.tokenFailed("code_0", 0);

        assertThat(metrics.failuresByCode()).hasSize(ClientMetrics.MAX_CODES + 1).contains("other=10", "code_0=2");
        assertThat(metrics.tokenFailures()).isEqualTo(ClientMetrics.MAX_CODES + 11);
    }

    @Test
    void countsEachKindOfHop() {
        metrics.injected();
        metrics.injected();
        metrics.skippedExisting();
        metrics.refusedFailClosed();

        assertThat(metrics.injectedRequests()).isEqualTo(2);
        assertThat(metrics.skippedRequests()).isEqualTo(1);
        assertThat(metrics.failClosedRefusals()).isEqualTo(1);
    }
}
