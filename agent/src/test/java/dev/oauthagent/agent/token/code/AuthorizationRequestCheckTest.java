package dev.oauthagent.agent.token.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.config.GrantType;
import dev.oauthagent.agent.token.TestClients;
import dev.oauthagent.agent.token.code.FakeAuthorizationServer.Reply;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code check}'s look at a code client's authorization request: the one request the login's preflight sends, with
 * the redirect URI's port 0 made a real one, and the refusal it meets told by what the server blamed.
 */
class AuthorizationRequestCheckTest {
    private FakeAuthorizationServer as;

    @BeforeEach
    void start() throws Exception {
        as = new FakeAuthorizationServer();
    }

    @AfterEach
    void stop() {
        as.close();
    }

    private ClientConfig client(String redirectUri) {
        return TestClients.billing(as.tokenUrl()).grantType(GrantType.AUTHORIZATION_CODE)
                .authorizationUrl(as.authorizationUrl()).redirectUri(redirectUri).scopes(List.of("orders:read"))
                .build();
    }

    @Test
    void anAcceptedRequestIsOneAuthorizationRequestWithTheClientAndARealLoopbackPort() throws Exception {
        as.script(q -> Reply.of(302, "text/plain", ""));

        AuthorizationRequestCheck.run(client("http://127.0.0.1:0/callback"));

        assertThat(as.authorizeRequests()).hasSize(1);
        Map<String, String> query = as.authorizeRequests().get(0);
        assertThat(query).containsEntry("client_id", "billing-service").containsEntry("scope", "orders:read")
                .containsEntry("response_type", "code").containsKey("code_challenge");
        URI redirect = URI.create(query.get("redirect_uri"));
        assertThat(redirect.getPort()).isPositive();
        assertThat(redirect.getPath()).isEqualTo("/callback");
    }

    @Test
    void aRedirectUriTheServerNamesIsRefusedForTheRedirectUri() {
        as.script(q -> Reply.of(400, "application/json",
                "{\"error\":\"invalid_request\",\"error_description\":\"OAuth 2.0 Parameter: redirect_uri\"}"));

        AuthorizationRefusedException refusal = catchThrowableOfType(AuthorizationRefusedException.class,
                () -> AuthorizationRequestCheck.run(client("http://127.0.0.1:0/Callback")));

        assertThat(refusal.reason()).isEqualTo(AuthorizationRefusedException.Reason.REDIRECT_URI);
        assertThat(refusal.getMessage()).contains("it does not accept the redirect URI http://127.0.0.1:");
    }

    @Test
    void anUnknownClientIsRefusedForTheClientAndABare400ForNothingSaid() {
        as.script(q -> Reply.of(401, "application/json", "{\"error\":\"invalid_client\"}"));
        assertThat(catchThrowableOfType(AuthorizationRefusedException.class,
                () -> AuthorizationRequestCheck.run(client("http://127.0.0.1:0/callback"))).reason())
                .isEqualTo(AuthorizationRefusedException.Reason.CLIENT);

        as.script(q -> Reply.of(400, "application/json", "{\"status\":400,\"error\":\"Bad Request\"}"));
        assertThat(catchThrowableOfType(AuthorizationRefusedException.class,
                () -> AuthorizationRequestCheck.run(client("http://127.0.0.1:0/callback"))).reason())
                .isEqualTo(AuthorizationRefusedException.Reason.UNSAID);
    }

    @Test
    void aClientWithoutAuthorizationUrlIsNotChecked() throws Exception {
        AuthorizationRequestCheck.run(TestClients.billing(as.tokenUrl()).grantType(GrantType.AUTHORIZATION_CODE)
                .redirectUri("http://127.0.0.1:0/callback").build());

        assertThat(as.authorizeRequests()).isEmpty();
    }
}
