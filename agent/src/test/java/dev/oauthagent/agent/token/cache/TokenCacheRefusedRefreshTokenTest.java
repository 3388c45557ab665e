package dev.oauthagent.agent.token.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.config.GrantType;
import dev.oauthagent.agent.token.AccessToken;
import dev.oauthagent.agent.token.FaultyTokenServer;
import dev.oauthagent.agent.token.FaultyTokenServer.Reply;
import dev.oauthagent.agent.token.TestClients;
import dev.oauthagent.agent.token.TokenEndpointClient;
import dev.oauthagent.agent.token.user.UserGrantTokenSource;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/**
 * A refresh token the server refuses (invalid_grant) costs one request, one warning and no retry loop: the cache
 * treats the failure as terminal, and the source calls no server without a refresh token.
 */
class TokenCacheRefusedRefreshTokenTest {
    private FaultyTokenServer server;

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void aRefusedRefreshTokenIsAskedForOnceAndReportedOnceOverADay() throws Exception {
        server = FaultyTokenServer.http(r -> Reply.json(400, "{\"error\":\"invalid_grant\"}"));
        ClientConfig client = TestClients.billing(server.tokenUrl()).grantType(GrantType.DEVICE_CODE).build();
        UserGrantTokenSource source = new UserGrantTokenSource(client, new TokenEndpointClient(client), null, null,
                Clock.systemUTC(), null);
        source.loginSucceeded(new AccessToken("at-from-the-login-0123456789abcdef", "Bearer", 3600, true, null,
                "rt-from-the-login-0123456789abcdef", null));
        ManualTicker ticker = new ManualTicker();
        ManualScheduler scheduler = new ManualScheduler(ticker);
        RecordingLogger logger = new RecordingLogger();
        TokenCache cache = new TokenCache("billing", source, RefreshPolicy.defaults(), ticker, scheduler,
                FixedRandom.least(), logger);

        cache.start();
        scheduler.runDue(); // the login's token, no request
        assertThat(server.requests()).isEmpty();
        scheduler.advance(Duration.ofHours(24));

        assertThat(server.requests()).hasSize(1);
        assertThat(logger.at(Level.WARN)).hasSize(1);
        assertThat(logger.at(Level.WARN).get(0).text()).contains("client 'billing': no token until a login:",
                "refused the refresh token (invalid_grant", "java -jar oauth-agent.jar login billing")
                .as("no retrying is promised: only a login helps").doesNotContain("Retrying");
        assertThat(cache.current()).isNull(); // the login's token expired meanwhile; nothing is served after expiry
        cache.close();
    }
}
