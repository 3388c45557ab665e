package dev.oauthagent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.e2e.support.AuthServer;
import dev.oauthagent.e2e.support.BrowserlessUser;
import dev.oauthagent.e2e.support.BrowserlessUser.Outcome;
import dev.oauthagent.e2e.support.BrowserlessUser.Stage;
import dev.oauthagent.e2e.support.FormPost;
import dev.oauthagent.e2e.support.Json;
import dev.oauthagent.e2e.support.LoopbackCallback;
import dev.oauthagent.e2e.support.SecretForms;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real auth server's device and code + PKCE flows, with {@link BrowserlessUser} playing the person and the
 * test playing the client (no agent): proves the headless user the agent's end-to-end tests rely on.
 */
class UserFlowsOnAuthServerIT {
    private static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    private static final String USER_PASSWORD = "pw-" + UUID.randomUUID();
    private static final String CODE_SECRET = "code-" + UUID.randomUUID();
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private static AuthServer server;
    /** Every token and code the server handed out here: none may appear in its output. */
    private static final Map<String, String> issued = new LinkedHashMap<>();

    @BeforeAll
    static void startServer() {
        server = AuthServer.builder().userPassword(USER_PASSWORD).codeClientSecret(CODE_SECRET).start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void userApprovesTheDeviceAndTheDeviceGetsTokensWhoseRefreshTokenRotates() {
        Map<String, Object> device = deviceAuthorization();
        assertThat(pollDeviceToken(device).get("error")).isEqualTo("authorization_pending");

        Outcome outcome = BrowserlessUser.of(server).approveDevice((String) device.get("verification_uri"),
                (String) device.get("user_code"));

        assertThat(outcome.stage()).as(outcome.toString()).isEqualTo(Stage.DEVICE_APPROVED);
        Map<String, Object> tokens = pollDeviceToken(device);
        assertThat(tokens).containsKeys("access_token", "refresh_token");
        assertRefreshRotates(AuthServer.DEVICE_CLIENT_ID, null, (String) tokens.get("refresh_token"));
    }

    @Test
    void userRefusesTheDeviceAndTheDeviceIsToldAccessDenied() {
        Map<String, Object> device = deviceAuthorization();

        Outcome outcome = BrowserlessUser.of(server).denyDevice((String) device.get("verification_uri_complete"),
                (String) device.get("user_code"));

        assertThat(outcome.stage()).as(outcome.toString()).isEqualTo(Stage.DEVICE_REFUSED);
        assertThat(pollDeviceToken(device).get("error")).isEqualTo("access_denied");
    }

    @Test
    void publicClientGetsTheCodeOnItsLoopbackCallbackAndRedeemsItWithPkce() {
        try (LoopbackCallback callback = LoopbackCallback.start()) {
            Pkce pkce = Pkce.create();

            Outcome outcome = BrowserlessUser.of(server)
                    .authorize(authorizationUrl(AuthServer.PKCE_CLIENT_ID, callback.redirectUri(), pkce, "s-public"));

            assertThat(outcome.stage()).as(outcome.toString()).isEqualTo(Stage.CALLBACK_ANSWERED);
            assertThat(outcome.status()).isEqualTo(200);
            assertThat(outcome.page()).isEqualTo(LoopbackCallback.PAGE);
            Map<String, String> call = callback.nextCall(PATIENCE);
            assertThat(call).containsEntry("state", "s-public").containsKey("code");
            Map<String, Object> tokens = redeem(AuthServer.PKCE_CLIENT_ID, null, call.get("code"),
                    callback.redirectUri(), pkce.verifier());
            assertRefreshRotates(AuthServer.PKCE_CLIENT_ID, null, (String) tokens.get("refresh_token"));
        }
    }

    @Test
    void confidentialClientRedeemsTheCodeWithItsSecretAndVerifier() {
        try (LoopbackCallback callback = LoopbackCallback.start()) {
            Pkce pkce = Pkce.create();

            Outcome outcome = BrowserlessUser.of(server)
                    .authorize(authorizationUrl(AuthServer.CODE_CLIENT_ID, callback.redirectUri(), pkce, "s-conf"));

            assertThat(outcome.stage()).as(outcome.toString()).isEqualTo(Stage.CALLBACK_ANSWERED);
            Map<String, String> call = callback.nextCall(PATIENCE);
            Map<String, Object> tokens = redeem(AuthServer.CODE_CLIENT_ID, CODE_SECRET, call.get("code"),
                    callback.redirectUri(), pkce.verifier());
            assertThat(tokens).containsKeys("access_token", "refresh_token");
        }
    }

    @Test
    void userRefusingConsentSendsAccessDeniedToTheCallbackAndNoCode() {
        try (LoopbackCallback callback = LoopbackCallback.start()) {
            Outcome outcome = BrowserlessUser.of(server)
                    .refuse(authorizationUrl(AuthServer.PKCE_CLIENT_ID, callback.redirectUri(), Pkce.create(), "s-no"));

            assertThat(outcome.stage()).as(outcome.toString()).isEqualTo(Stage.CALLBACK_ANSWERED);
            assertThat(outcome.error()).isEqualTo("access_denied");
            assertThat(callback.nextCall(PATIENCE)).containsEntry("error", "access_denied")
                    .containsEntry("state", "s-no").doesNotContainKey("code");
        }
    }

    @Test
    void redirectUriDifferingInCaseStopsTheUserOnTheServerWithA400() {
        try (LoopbackCallback callback = LoopbackCallback.start()) {
            String wrongCase = callback.redirectUri().replace("/callback", "/Callback");

            Outcome outcome = BrowserlessUser.of(server)
                    .authorize(authorizationUrl(AuthServer.PKCE_CLIENT_ID, wrongCase, Pkce.create(), "s-case"));

            assertThat(outcome.stage()).as(outcome.toString()).isEqualTo(Stage.STOPPED_ON_SERVER);
            assertThat(outcome.status()).isEqualTo(400);
            assertThat(outcome.at().getPath()).isEqualTo("/oauth2/authorize");
            assertThat(callback.pendingCalls()).isZero();
        }
    }

    @Test
    void wrongPasswordStopsTheUserOnTheLoginPage() {
        Map<String, Object> device = deviceAuthorization();

        Outcome outcome = BrowserlessUser.withPassword(server, "not-" + USER_PASSWORD)
                .approveDevice((String) device.get("verification_uri_complete"), (String) device.get("user_code"));

        assertThat(outcome.stage()).as(outcome.toString()).isEqualTo(Stage.LOGIN_FAILED);
        assertThat(pollDeviceToken(device).get("error")).isEqualTo("authorization_pending");
    }

    @Test
    void serverOutputNeverContainsTheCodesTokensPasswordOrSecret() throws IOException {
        userApprovesTheDeviceAndTheDeviceGetsTokensWhoseRefreshTokenRotates();
        publicClientGetsTheCodeOnItsLoopbackCallbackAndRedeemsItWithPkce();

        String output = server.process().stdout() + server.process().stderr()
                + Files.readString(server.process().logFile());
        Map<String, String> secrets = new LinkedHashMap<>(issued);
        secrets.put("user password", USER_PASSWORD);
        secrets.put("code-client secret", CODE_SECRET);
        SecretForms.assertAbsent("the auth server's output", output, secrets);
    }

    private static void assertRefreshRotates(String clientId, String secret, String refreshToken) {
        Map<String, Object> refreshed = tokenRequest(clientId, secret, Map.of("grant_type", "refresh_token",
                "refresh_token", refreshToken));
        assertThat(refreshed).containsKeys("access_token", "refresh_token");
        assertThat(refreshed.get("refresh_token")).isNotEqualTo(refreshToken);

        Map<String, Object> reused = tokenRequest(clientId, secret, Map.of("grant_type", "refresh_token",
                "refresh_token", refreshToken));
        assertThat(reused).containsEntry("error", "invalid_grant").doesNotContainKey("access_token");
    }

    private static Map<String, Object> deviceAuthorization() {
        HttpResponse<String> response = FormPost.to(server.deviceAuthorizationUrl())
                .field("client_id", AuthServer.DEVICE_CLIENT_ID).field("scope", "read write").send();
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> device = Json.parseObject(response.body());
        issued.put("device code #" + issued.size(), (String) device.get("device_code"));
        return device;
    }

    private static Map<String, Object> pollDeviceToken(Map<String, Object> device) {
        return tokenRequest(AuthServer.DEVICE_CLIENT_ID, null,
                Map.of("grant_type", DEVICE_GRANT, "device_code", (String) device.get("device_code")));
    }

    private static Map<String, Object> redeem(String clientId, String secret, String code, String redirectUri,
            String verifier) {
        issued.put("authorization code #" + issued.size(), code);
        return tokenRequest(clientId, secret, Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", redirectUri, "code_verifier", verifier));
    }

    /** A public client sends its client_id, a confidential one HTTP Basic; the answer's tokens are remembered. */
    private static Map<String, Object> tokenRequest(String clientId, String secret, Map<String, String> fields) {
        FormPost request = FormPost.to(server.tokenUrl());
        if (secret == null) {
            request.field("client_id", clientId);
        } else {
            request.basicAuth(clientId, secret);
        }
        fields.forEach(request::field);
        Map<String, Object> answer = Json.parseObject(request.send().body());
        for (String token : new String[] {"access_token", "refresh_token"}) {
            if (answer.get(token) != null) {
                issued.put(token + " #" + issued.size(), (String) answer.get(token));
            }
        }
        return answer;
    }

    private static String authorizationUrl(String clientId, String redirectUri, Pkce pkce, String state) {
        return server.authorizationUrl() + "?response_type=code&client_id=" + encode(clientId)
                + "&redirect_uri=" + encode(redirectUri) + "&scope=" + encode("read write") + "&state=" + encode(state)
                + "&code_challenge=" + pkce.challenge() + "&code_challenge_method=S256";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private record Pkce(String verifier, String challenge) {
        static Pkce create() {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(hash));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("no SHA-256 in this JDK", e);
            }
        }
    }
}
