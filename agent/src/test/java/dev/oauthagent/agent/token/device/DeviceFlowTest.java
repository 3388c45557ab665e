package dev.oauthagent.agent.token.device;

import static dev.oauthagent.agent.token.device.DeviceFlowFixture.assertNoCredentialIn;
import static dev.oauthagent.agent.token.device.DeviceServer.error;
import static dev.oauthagent.agent.token.device.DeviceServer.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.token.AccessToken;
import dev.oauthagent.agent.token.FaultyTokenServer;
import dev.oauthagent.agent.token.FaultyTokenServer.RecordedRequest;
import dev.oauthagent.agent.token.FaultyTokenServer.Reply;
import dev.oauthagent.agent.token.Fingerprint;
import dev.oauthagent.agent.token.TestClients;
import dev.oauthagent.agent.token.TokenFetchException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The whole device flow against a scripted server, on fake time: what is sent, when, and how it ends. */
class DeviceFlowTest {
    private final DeviceFlowFixture fixture = new DeviceFlowFixture();
    private final DeviceServer server;

    DeviceFlowTest() throws Exception {
        server = new DeviceServer(fixture.time);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private TokenFetchException failure() {
        TokenFetchException e = assertThrows(TokenFetchException.class, () -> fixture.flow(server, false).login());
        assertNoCredentialIn(e.getMessage());
        assertNoCredentialIn(fixture.printed());
        return e;
    }

    @Test
    void happyPathReturnsTheTokenWithItsRefreshTokenAfterOneInterval() throws Exception {
        server.polls(token());

        AccessToken token = fixture.flow(server, false).login();

        assertThat(token.fingerprint()).isEqualTo(Fingerprint.of(DeviceServer.ACCESS_TOKEN));
        assertThat(token.refreshToken()).isNotNull();
        assertThat(Fingerprint.of(token.refreshToken())).isEqualTo(Fingerprint.of(DeviceServer.REFRESH_TOKEN));
        assertThat(server.waitsBetweenPolls()).containsExactly(5.0);
        assertNoCredentialIn(fixture.printed());
    }

    @Test
    void deviceRequestSendsTheScopesAndAuthenticatesLikeTheTokenRequestWithoutASecondClientId() throws Exception {
        server.polls(token());
        ClientConfig client = TestClients.billing(server.tokenUrl()).scopes(List.of("orders:read", "offline_access"))
                .build();

        fixture.flow(client, server.deviceUrl(), false).login();

        RecordedRequest device = server.requests(DeviceServer.DEVICE_PATH).get(0);
        assertThat(device.method()).isEqualTo("POST");
        assertThat(device.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(device.form("scope")).containsExactly("orders:read offline_access");
        assertThat(device.header("Authorization")).startsWith("Basic ");
        assertThat(device.form("client_id")).isEmpty(); // Basic identifies the client (RFC 8628 §3.1)
    }

    @Test
    void eachPollSendsTheDeviceCodeGrantUnderTheClientsAuthentication() throws Exception {
        server.polls(error("authorization_pending"), token());

        fixture.flow(server, false).login();

        List<RecordedRequest> polls = server.requests(FaultyTokenServer.PATH);
        assertThat(polls).hasSize(2);
        for (RecordedRequest poll : polls) {
            assertThat(poll.form("grant_type")).containsExactly("urn:ietf:params:oauth:grant-type:device_code");
            assertThat(poll.form("device_code")).containsExactly(DeviceServer.DEVICE_CODE);
            assertThat(poll.header("Authorization")).startsWith("Basic ");
        }
    }

    @Test
    void withoutAnIntervalThePollerWaitsFiveSeconds() throws Exception {
        server.device(Reply.json(200, DeviceServer.deviceResponse(""))).polls(error("authorization_pending"),
                error("authorization_pending"), token());

        fixture.flow(server, false).login();

        assertThat(server.waitsBetweenPolls()).containsExactly(5.0, 5.0, 5.0);
    }

    @Test
    void theServersIntervalIsKeptBetweenPendingPolls() throws Exception {
        server.device(Reply.json(200, DeviceServer.deviceResponse(", \"interval\": 7")))
                .polls(error("authorization_pending"), error("authorization_pending"), token());

        fixture.flow(server, false).login();

        assertThat(server.waitsBetweenPolls()).containsExactly(7.0, 7.0, 7.0);
    }

    @Test
    void slowDownAddsFiveSecondsToEveryLaterPoll() throws Exception {
        server.polls(error("authorization_pending"), error("slow_down"), error("authorization_pending"),
                error("slow_down"), error("authorization_pending"), token());

        fixture.flow(server, false).login();

        assertThat(server.waitsBetweenPolls()).containsExactly(5.0, 5.0, 10.0, 10.0, 15.0, 15.0);
    }

    @Test
    void accessDeniedStopsAtOnceAndSaysTheUserDenied() throws Exception {
        server.polls(error("authorization_pending"), error("access_denied"), token());

        TokenFetchException e = failure();

        assertThat(e.getMessage()).isEqualTo("oauth-agent: client 'billing': the user denied the request; run login"
                + " again to sign in.");
        assertThat(e.isTerminal()).isTrue();
        assertThat(server.requests(FaultyTokenServer.PATH)).hasSize(2);
    }

    @Test
    void expiredTokenStopsAndSaysToRunLoginAgain() throws Exception {
        server.polls(error("authorization_pending"), error("expired_token"), token());

        TokenFetchException e = failure();

        assertThat(e.getMessage()).isEqualTo("oauth-agent: client 'billing': the server says the code expired"
                + " before you finished signing in; run login again.");
        assertThat(server.requests(FaultyTokenServer.PATH)).hasSize(2);
    }

    @Test
    void theFlowEndsWhenTheCodesLifetimeRunsOutWithoutAPollAfterIt() throws Exception {
        server.device(Reply.json(200, DeviceServer.deviceResponse(", \"interval\": 5").replace("600", "12")));

        TokenFetchException e = failure();

        assertThat(e.getMessage()).isEqualTo("oauth-agent: client 'billing': the code expired before you finished"
                + " signing in; run login again.");
        assertThat(server.waitsBetweenPolls()).containsExactly(5.0, 5.0);
        assertThat(fixture.time.secondsExact()).isEqualTo(12.0);
    }

    @Test
    void serverErrorsDoubleTheWaitAndTheIntervalComesBackAfterTheyPass() throws Exception {
        Reply failing = Reply.json(503, "{}");
        server.polls(failing, failing, failing, error("authorization_pending"), token());

        fixture.flow(server, false).login();

        assertThat(server.waitsBetweenPolls()).containsExactly(5.0, 10.0, 20.0, 40.0, 5.0);
    }

    @Test
    void retryAfterOnA503IsHonoured() throws Exception {
        server.polls(Reply.json(503, "{}").withHeader("Retry-After", "30"), token());

        fixture.flow(server, false).login();

        assertThat(server.waitsBetweenPolls()).containsExactly(5.0, 30.0);
    }

    @Test
    void connectFailuresBackOffBoundedAndPollingGoesOnUntilTheCodeExpires() throws Exception {
        URI closed = FaultyTokenServer.closedPort();
        ClientConfig client = TestClients.billing(closed).build();

        TokenFetchException e = assertThrows(TokenFetchException.class,
                () -> fixture.flow(client, server.deviceUrl(), false).login());

        assertThat(e.getMessage()).contains("the code expired before you finished signing in");
        assertNoCredentialIn(e.getMessage());
        assertThat(fixture.time.secondsExact()).isEqualTo(600.0);
        assertThat(fixture.printed()).contains("cannot reach the authorization server, retrying");
    }

    @Test
    void aConnectFailureThenAnAnswerGoesOnPollingWithTheBackedOffWait() throws Exception {
        URI later = FaultyTokenServer.closedPort();
        ClientConfig client = TestClients.billing(later).build();
        // The token endpoint comes up at t=20 s: the polls at 5 s and 15 s find nothing listening.
        DeviceServer[] tokenServer = new DeviceServer[1];
        fixture.time.onSleep(seconds -> {
            if (seconds >= 20 && tokenServer[0] == null) {
                tokenServer[0] = startAt(later);
            }
        });
        try {
            AccessToken token = fixture.flow(client, server.deviceUrl(), false).login();

            assertThat(token.fingerprint()).isEqualTo(Fingerprint.of(DeviceServer.ACCESS_TOKEN));
            assertThat(fixture.time.secondsExact()).isEqualTo(35.0); // polls at 5, 15 (+10), 35 (+20)
        } finally {
            if (tokenServer[0] != null) {
                tokenServer[0].close();
            }
        }
    }

    private DeviceServer startAt(URI url) {
        try {
            return DeviceServer.at(fixture.time, url.getPort()).polls(token());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aTerminalRefusalOfAPollEndsTheFlowWithTheTokenClientsMessage() throws Exception {
        server.polls(Reply.json(401, "{\"error\":\"invalid_client\"}"));

        TokenFetchException e = failure();

        assertThat(e.getMessage()).contains("answered invalid_client (401)").contains("client-secret");
        assertThat(server.requests(FaultyTokenServer.PATH)).hasSize(1);
    }

    @Test
    void aServerEchoingTheDeviceCodeInItsErrorDoesNotGetItIntoTheMessage() throws Exception {
        server.polls(Reply.json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"unknown device_code "
                + DeviceServer.DEVICE_CODE + "\"}"));

        TokenFetchException e = failure();

        assertThat(e.getMessage()).contains("invalid_grant").contains("unknown device_code ****");
    }

    @Test
    void interruptingTheWaitingThreadStopsTheFlow() throws Exception {
        Thread caller = Thread.currentThread();
        fixture.time.onSleep(seconds -> {
            if (seconds >= 8) {
                caller.interrupt();
            }
        });
        server.polls(error("authorization_pending"));

        assertThrows(InterruptedException.class, () -> fixture.flow(server, false).login());

        assertThat(Thread.interrupted()).isFalse(); // the exception took the interrupt status
        assertThat(server.requests(FaultyTokenServer.PATH)).hasSize(1);
        assertThat(fixture.printed()).endsWith("  stopped" + System.lineSeparator());
    }

    @Test
    void theAuthorizationsToStringShowsTheAddressButNoDeviceCode() {
        DeviceAuthorization authorization = new DeviceAuthorization(DeviceServer.DEVICE_CODE, "A-B",
                "https://as.example/activate", null, 600, 5);

        assertNoCredentialIn(authorization.toString());
        assertThat(Collections.singletonList(authorization).toString()).contains("as.example/activate");
    }
}
