package dev.oauthagent.agent.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.agent.config.Secret;
import dev.oauthagent.agent.token.FaultyTokenServer.RecordedRequest;
import dev.oauthagent.agent.token.FaultyTokenServer.Reply;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** token-params.<name>: sent form-encoded with every token request, masked wherever a request is printed. */
class TokenParamsTest {
    private static final String VENDOR_KEY = "vendor key/with+odd&chars=";

    private static Map<String, Secret> params() {
        Map<String, Secret> params = new LinkedHashMap<>();
        params.put("tenant", Secret.of("contoso", "properties file"));
        params.put("vendor_key", Secret.of(VENDOR_KEY, "env var VENDOR_KEY"));
        return params;
    }

    @Test
    void configuredParametersAreSentFormEncodedWithTheGrantsOwn() throws Exception {
        try (FaultyTokenServer server = FaultyTokenServer.http(r -> Reply.json(200, TokenEndpointClientTest.OK_BODY));
                StderrCapture err = StderrCapture.start()) {
            new TokenEndpointClient(TestClients.billing(server.tokenUrl()).tokenParams(params()).build()).fetch();

            RecordedRequest request = server.requests().get(0);
            assertThat(request.form("grant_type")).containsExactly("client_credentials");
            assertThat(request.form("tenant")).containsExactly("contoso");
            assertThat(request.form("vendor_key")).containsExactly(VENDOR_KEY);
            assertThat(err.text()).doesNotContain(VENDOR_KEY);
        }
    }

    @Test
    void aMaskedParameterIsSentButNotPrinted() {
        TokenRequest request = TokenRequest.builder(URI.create("https://as.example/token"))
                .formParameter("grant_type", "client_credentials").maskedFormParameter("vendor_key", VENDOR_KEY).build();

        assertThat(new String(request.formBody())).contains("vendor_key=vendor+key%2Fwith%2Bodd%26chars%3D");
        assertThat(request.toString()).contains("vendor_key=****").doesNotContain(VENDOR_KEY)
                .contains("grant_type=client_credentials");
    }
}
