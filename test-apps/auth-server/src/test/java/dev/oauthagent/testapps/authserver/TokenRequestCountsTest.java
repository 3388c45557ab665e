package dev.oauthagent.testapps.authserver;

import static dev.oauthagent.testapps.authserver.TokenEndpoint.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code /__token-requests} counts every token request by client, grant and status, refusals included: the
 * end-to-end tests count with it how often an agent spent a refresh token.
 */
class TokenRequestCountsTest {
    private static final String DEVICE_REFRESH_REFUSED = "device-client refresh_token 400";
    private static final String BASIC_GRANTED = "basic-client client_credentials 200";
    private static final String BASIC_REFUSED = "basic-client client_credentials 401";

    @Test
    void aRefusedRefreshOfAPublicClientIsCountedUnderItsClientIdGrantAndStatus() {
        long before = count(DEVICE_REFRESH_REFUSED);

        TokenEndpoint.Answer answer = TokenEndpoint.post(endpoint(), null, fields("grant_type", "refresh_token",
                "client_id", "device-client", "refresh_token", "not-a-refresh-token"));

        assertThat(answer.field("error")).isEqualTo("invalid_grant");
        assertThat(count(DEVICE_REFRESH_REFUSED)).isEqualTo(before + 1);
    }

    @Test
    void aBasicClientIsCountedByTheUserOfItsAuthorizationHeaderGrantedOrNot() {
        long granted = count(BASIC_GRANTED);
        long refused = count(BASIC_REFUSED);

        assertThat(TokenEndpoint.post(endpoint(), "basic-client:" + AuthServerOptions.DEFAULT_BASIC_CLIENT_SECRET,
                fields("grant_type", "client_credentials")).status()).isEqualTo(200);
        assertThat(TokenEndpoint.post(endpoint(), "basic-client:wrong", fields("grant_type", "client_credentials"))
                .status()).isEqualTo(401);

        assertThat(count(BASIC_GRANTED)).isEqualTo(granted + 1);
        assertThat(count(BASIC_REFUSED)).isEqualTo(refused + 1);
    }

    private static URI endpoint() {
        return InProcessServer.shared().endpoint("/oauth2/token");
    }

    private static long count(String key) {
        Map<String, Object> counts = TokenEndpoint.get(InProcessServer.shared().endpoint("/__token-requests"));
        Object count = counts.get(key);
        return count == null ? 0 : ((Number) count).longValue();
    }
}
