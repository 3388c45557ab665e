package dev.oauthagent.agent.scrub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.oauthagent.agent.config.AgentConfig;
import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.token.AccessToken;
import dev.oauthagent.agent.token.FaultyTokenServer;
import dev.oauthagent.agent.token.FaultyTokenServer.Reply;
import dev.oauthagent.agent.token.StderrCapture;
import dev.oauthagent.agent.token.TestClients;
import dev.oauthagent.agent.token.TokenEndpointClient;
import dev.oauthagent.agent.token.cache.TokenCache;

/**
 * The production path in one process: a real HTTP token endpoint that returns a refresh token and an ID token
 * with a client-credentials token, the real {@link TokenEndpointClient} and {@link TokenCache}, and
 * {@link LiveSecrets} as the cache's listener. The redactor must know both values once the token is served.
 */
class TokenEndpointCredentialsScrubTest {
    private static final String ACCESS = "at-4Fq9Lm2Xv7Rt1Wz8Kp3Nd6";
    private static final String REFRESH = "rt/8Kq+Zm=3Vx9Tz5Wd~Lp4";
    private static final String ID_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJiaWxsaW5nIn0.c2ln+bmF/0dXJl==";
    private static final String BODY = "{\"access_token\":\"" + ACCESS + "\",\"token_type\":\"Bearer\","
            + "\"expires_in\":3600,\"refresh_token\":\"" + REFRESH + "\",\"id_token\":\"" + ID_TOKEN + "\"}";

    @Test
    void refreshTokenAndIdTokenFromTheTokenEndpointAreScrubbedOnceTheCacheServesTheToken() throws Exception {
        String log;
        String fingerprint;
        String line = "response: refresh_token " + REFRESH + " (" + encoded(REFRESH) + ") id " + ID_TOKEN + " ("
                + encoded(ID_TOKEN) + ")";
        try (StderrCapture err = StderrCapture.start();
                FaultyTokenServer server = FaultyTokenServer.http(r -> Reply.json(200, BODY))) {
            ClientConfig client = TestClients.billing(server.tokenUrl()).build();
            LiveSecrets secrets = LiveSecrets.fromConfig(new AgentConfig(true, "info", List.of(client)));
            Redactor redactor = Redactor.create(secrets, false, Replacement.DEFAULT, false);
            assertThat(redactor.scrub(line)).as("nothing known before the fetch").isSameAs(line);

            TokenCache cache = TokenCache.create(client, new TokenEndpointClient(client), secrets);
            try {
                cache.start();
                AccessToken served = cache.await(TimeUnit.SECONDS.toNanos(30));
                assertThat(served.value()).isEqualTo(ACCESS);
                fingerprint = served.fingerprint();
            } finally {
                cache.close();
            }

            assertThat(server.requests()).hasSize(1);
            assertThat(redactor.scrub(line))
                    .isEqualTo("response: refresh_token [REDACTED] ([REDACTED]) id [REDACTED] ([REDACTED])");
            log = err.text();
        }
        assertThat(log).as("the capture saw the cache's log line").contains("token " + fingerprint + " obtained")
                .doesNotContain(ACCESS.substring(0, 8)).doesNotContain(REFRESH.substring(0, 8))
                .doesNotContain(encoded(REFRESH).substring(0, 8)).doesNotContain(ID_TOKEN.substring(ID_TOKEN.indexOf('.')));
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
