package dev.oauthagent.testapps.authserver;

import static dev.oauthagent.testapps.authserver.TokenEndpoint.fields;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.testapps.authserver.Browser.Page;
import dev.oauthagent.testapps.authserver.TokenEndpoint.Answer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The device authorization grant (RFC 8628), with the test user approving or refusing on the verification pages. */
class DeviceFlowTest {
    private static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    private static final String USER_PASSWORD = AuthServerOptions.DEFAULT_USER_PASSWORD;

    private static InProcessServer server;

    @BeforeAll
    static void startServer() {
        server = InProcessServer.shared();
    }

    @Test
    @SuppressWarnings("unchecked")
    void metadataListsTheDeviceEndpointTheGrantsRevocationAndPublicClients() {
        Map<String, Object> metadata = TokenEndpoint.get(server.endpoint("/.well-known/oauth-authorization-server"));

        assertThat(metadata).containsEntry("device_authorization_endpoint",
                        server.issuer() + "/oauth2/device_authorization")
                .containsEntry("revocation_endpoint", server.issuer() + "/oauth2/revoke");
        assertThat((List<Object>) metadata.get("grant_types_supported"))
                .contains(DEVICE_GRANT, "authorization_code", "refresh_token", "client_credentials");
        assertThat((List<Object>) metadata.get("token_endpoint_auth_methods_supported")).contains("none");
        assertThat((List<Object>) metadata.get("code_challenge_methods_supported")).containsExactly("S256");
    }

    @Test
    void deviceAuthorizationNamesTheVerificationPagesAndTheUserCode() {
        Answer authorization = authorizeDevice();

        assertThat(authorization.status()).as(authorization.toString()).isEqualTo(200);
        assertThat(authorization.json()).containsKeys("device_code", "user_code", "expires_in")
                .containsEntry("verification_uri", server.issuer() + "/oauth2/device_verification")
                .containsEntry("verification_uri_complete", server.issuer()
                        + "/oauth2/device_verification?user_code=" + authorization.field("user_code"))
                // No interval in the answer: a client polls at RFC 8628's default of 5 s.
                .doesNotContainKey("interval");
        assertThat(authorization.field("user_code")).matches("[A-Z]{4}-[A-Z]{4}");
    }

    @Test
    void userTypingTheCodeAndApprovingLetsTheDeviceGetTokensOnce() {
        Answer authorization = authorizeDevice();
        String deviceCode = authorization.field("device_code");
        assertThat(poll(deviceCode).field("error")).isEqualTo("authorization_pending");

        Browser browser = new Browser();
        Page codeEntry = signedIn(browser, URI.create(authorization.field("verification_uri")));
        Page consent = browser.follow(browser.get(URI.create(codeEntry.form().action() + "?user_code="
                + authorization.field("user_code"))));
        Page done = browser.consent(consent, true);

        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).contains("Device signed in");
        Answer tokens = poll(deviceCode);
        assertThat(tokens.status()).as(tokens.toString()).isEqualTo(200);
        assertThat(tokens.json()).containsKeys("access_token", "refresh_token").containsEntry("scope", "read write");
        // A device code already redeemed is answered as if the user had refused, not invalid_grant.
        Answer again = poll(deviceCode);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.field("error")).isEqualTo("access_denied");
    }

    @Test
    void deviceRefreshesWithItsClientIdAloneAndTheSpentRefreshTokenIsInvalidGrant() {
        Answer authorization = authorizeDevice();
        approve(authorization.field("verification_uri_complete"));
        String first = poll(authorization.field("device_code")).field("refresh_token");

        Answer refreshed = refresh(first);
        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
        assertThat(refreshed.field("refresh_token")).isNotEqualTo(first);
        Answer reused = refresh(first);
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.field("error")).isEqualTo("invalid_grant");
    }

    @Test
    void userWhoCancelsTheConsentLeavesTheDeviceWithAccessDenied() {
        Answer authorization = authorizeDevice();
        Browser browser = new Browser();
        Page consent = signedIn(browser, URI.create(authorization.field("verification_uri_complete")));

        Page refused = browser.consent(consent, false);

        assertThat(refused.status()).isEqualTo(400);
        Answer answer = poll(authorization.field("device_code"));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.field("error")).isEqualTo("access_denied");
    }

    @Test
    void pollingAsFastAsPossibleIsNeverAnsweredSlowDown() {
        String deviceCode = authorizeDevice().field("device_code");

        for (int i = 0; i < 5; i++) {
            assertThat(poll(deviceCode).field("error")).isEqualTo("authorization_pending");
        }
    }

    @Test
    void unknownUserCodeIsABare400OnTheVerificationPage() {
        Browser browser = new Browser();
        signedIn(browser, URI.create(server.issuer() + "/oauth2/device_verification"));

        Page page = browser.get(URI.create(server.issuer() + "/oauth2/device_verification?user_code=ABCD-EFGH"));

        assertThat(page.status()).isEqualTo(400);
    }

    @Test
    void deviceCodeExpiresAfterTheDeviceCodeTtl() {
        try (InProcessServer shortLived = InProcessServer.start("--device-code-ttl=1s")) {
            Answer authorization = TokenEndpoint.post(shortLived.endpoint("/oauth2/device_authorization"), null,
                    fields("client_id", RegisteredClients.DEVICE_CLIENT_ID, "scope", "read"));
            assertThat(authorization.field("expires_in")).isEqualTo("1");

            Answer answer = pollWhilePending(shortLived, authorization.field("device_code"), Duration.ofSeconds(30));

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.field("error")).isEqualTo("expired_token");
        }
    }

    private static Answer authorizeDevice() {
        return TokenEndpoint.post(server.endpoint("/oauth2/device_authorization"), null,
                fields("client_id", RegisteredClients.DEVICE_CLIENT_ID, "scope", "read write"));
    }

    private static void approve(String verificationUriComplete) {
        Browser browser = new Browser();
        Page done = browser.consent(signedIn(browser, URI.create(verificationUriComplete)), true);
        assertThat(done.body()).contains("Device signed in");
    }

    private static Page signedIn(Browser browser, URI page) {
        Page login = browser.follow(browser.get(page));
        assertThat(login.uri().getPath()).isEqualTo("/login");
        return browser.logIn(login, "user", USER_PASSWORD);
    }

    private static Answer poll(String deviceCode) {
        return poll(server, deviceCode);
    }

    private static Answer poll(InProcessServer on, String deviceCode) {
        return TokenEndpoint.post(on.endpoint("/oauth2/token"), null, fields("grant_type", DEVICE_GRANT,
                "device_code", deviceCode, "client_id", RegisteredClients.DEVICE_CLIENT_ID));
    }

    /** Polls (at 5 per second, as no real client would) until the answer is not authorization_pending. */
    private static Answer pollWhilePending(InProcessServer on, String deviceCode, Duration patience) {
        Instant giveUp = Instant.now().plus(patience);
        Answer answer = poll(on, deviceCode);
        while ("authorization_pending".equals(answer.field("error")) && Instant.now().isBefore(giveUp)) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while polling", e);
            }
            answer = poll(on, deviceCode);
        }
        return answer;
    }

    private static Answer refresh(String refreshToken) {
        return TokenEndpoint.post(server.endpoint("/oauth2/token"), null, fields("grant_type", "refresh_token",
                "refresh_token", refreshToken, "client_id", RegisteredClients.DEVICE_CLIENT_ID));
    }
}
