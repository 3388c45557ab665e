package dev.oauthagent.testapps.authserver;

import static dev.oauthagent.testapps.authserver.TokenEndpoint.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** {@code POST /__client-secret} rotates a client's secret: from then on only the new one is accepted. */
class ClientSecretChangeTest {
    private static final String CLIENT = RegisteredClients.SHORT_CLIENT_ID;
    private static final String NEW_SECRET = "rotated-short-secret";

    @Test
    void afterAChangeOnlyTheNewSecretGetsAToken() {
        try {
            assertThat(change(CLIENT, NEW_SECRET)).isEqualTo(204);

            assertThat(token(AuthServerOptions.DEFAULT_SHORT_CLIENT_SECRET).field("error")).isEqualTo("invalid_client");
            TokenEndpoint.Answer granted = token(NEW_SECRET);
            assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        } finally {
            change(CLIENT, AuthServerOptions.DEFAULT_SHORT_CLIENT_SECRET); // the server is shared by the other tests
        }
        assertThat(token(AuthServerOptions.DEFAULT_SHORT_CLIENT_SECRET).status()).isEqualTo(200);
    }

    @Test
    void anUnknownOrPublicClientIsNotFound() {
        assertThat(change("no-such-client", NEW_SECRET)).isEqualTo(404);
        assertThat(change(RegisteredClients.DEVICE_CLIENT_ID, NEW_SECRET)).isEqualTo(404);
    }

    private static int change(String clientId, String secret) {
        return TokenEndpoint.post(endpoint("/__client-secret"), null, fields("client_id", clientId, "secret", secret))
                .status();
    }

    private static TokenEndpoint.Answer token(String secret) {
        return TokenEndpoint.post(endpoint("/oauth2/token"), CLIENT + ":" + secret,
                fields("grant_type", "client_credentials"));
    }

    private static URI endpoint(String path) {
        return InProcessServer.shared().endpoint(path);
    }
}
