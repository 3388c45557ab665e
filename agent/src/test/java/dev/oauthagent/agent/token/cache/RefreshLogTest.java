package dev.oauthagent.agent.token.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.agent.token.TokenFetchException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The wording of the cache's failure lines where a delay or a joined message could read wrong. */
class RefreshLogTest {
    private final RecordingLogger logger = new RecordingLogger();
    private final RefreshLog log = new RefreshLog(logger, "billing");

    private String warnedAfter(long retryInNanos) {
        log.failed(TokenFetchException.transientFailure("oauth-agent: client 'billing': cannot reach token endpoint"
                + " as.example:443 (connection refused); check oauth.agent.clients.billing.token-url and network.",
                null), null, 0, retryInNanos);
        return logger.lines().get(0).text();
    }

    @Test
    void aRetryWithoutDelaySaysRetryingNowNotNextAttemptIn0s() {
        assertThat(warnedAfter(0)).endsWith("and network. No token to serve; retrying now.");
    }

    @Test
    void aRetryUnderASecondAwayIsRoundedUpToOneSecond() {
        assertThat(warnedAfter(TimeUnit.MILLISECONDS.toNanos(300))).endsWith("; next attempt in 1s.")
                .doesNotContain("in 0s");
    }

    @Test
    void theLineNamesTheClientOnceAndTheAgentNotAtAll() {
        assertThat(warnedAfter(0)).startsWith("client 'billing': token request failed: cannot reach token endpoint")
                .doesNotContain("oauth-agent: client 'billing'");
    }
}
