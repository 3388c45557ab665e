package dev.oauthagent.agent.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.agent.config.ClientAuthMethod;
import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.config.Secret;
import dev.oauthagent.bootstrap.AgentCall;
import dev.oauthagent.agent.token.FaultyTokenServer.RecordedRequest;
import dev.oauthagent.agent.token.FaultyTokenServer.Reply;
import java.io.IOException;
import java.net.CookieHandler;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Token requests that succeed: what goes over the wire, and what comes back. */
class TokenEndpointClientTest {
    static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJiaWxsaW5nIn0.c2lnbmF0dXJl";
    static final String OK_BODY = "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}";

    private FaultyTokenServer server;

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    private RecordedRequest fetchAndRecord(ClientConfig.Builder config) throws Exception {
        server = FaultyTokenServer.http(r -> Reply.json(200, OK_BODY));
        AccessToken token = new TokenEndpointClient(config.tokenUrl(server.tokenUrl()).build()).fetch();
        assertThat(token.value()).isEqualTo(TOKEN);
        assertThat(server.requests()).hasSize(1);
        return server.requests().get(0);
    }

    @Test
    void postsAFormWithJsonAcceptToTheConfiguredPath() throws Exception {
        RecordedRequest r = fetchAndRecord(TestClients.billing(URI.create("http://unused")));

        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo(FaultyTokenServer.PATH);
        assertThat(r.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded; charset=UTF-8");
        assertThat(r.header("Accept")).isEqualTo("application/json");
        assertThat(r.form("grant_type")).containsExactly("client_credentials");
    }

    @Test
    void basicAuthenticationHeaderIsExactlyTheRfc6749EncodingForATrickyIdAndSecret() throws Exception {
        String id = "billing:svc+1 %ü";
        String secret = "s:e+c r%e/t€";
        RecordedRequest r = fetchAndRecord(TestClients.billing(URI.create("http://unused"))
                .clientId(id).clientSecret(Secret.of(secret, "test")));

        assertThat(r.header("Authorization")).isEqualTo(FormEncodingSpec.basicHeader(id, secret));
        assertThat(r.form("client_secret")).isEmpty();
    }

    @Test
    void postAuthenticationSendsIdAndSecretInTheFormAndNoAuthorizationHeader() throws Exception {
        RecordedRequest r = fetchAndRecord(TestClients.billing(URI.create("http://unused"))
                .clientAuth(ClientAuthMethod.CLIENT_SECRET_POST));

        assertThat(r.header("Authorization")).isNull();
        assertThat(r.form("client_id")).containsExactly("billing-service");
        assertThat(r.form("client_secret")).containsExactly(TestClients.SECRET);
    }

    @Test
    void scopeAudienceAndEachResourceReachTheServer() throws Exception {
        RecordedRequest r = fetchAndRecord(TestClients.billing(URI.create("http://unused"))
                .scopes(List.of("orders:read", "orders:write"))
                .audience("https://api.example")
                .resources(List.of("https://api.example/orders", "https://api.example/invoices")));

        assertThat(r.form("scope")).containsExactly("orders:read orders:write");
        assertThat(r.form("audience")).containsExactly("https://api.example");
        assertThat(r.form("resource")).containsExactly("https://api.example/orders", "https://api.example/invoices");
    }

    @Test
    void returnsTheValidatedTokenWithItsLifetime() throws Exception {
        server = FaultyTokenServer.http(r -> Reply.json(200, OK_BODY));

        AccessToken token = new TokenEndpointClient(TestClients.billing(server.tokenUrl()).build()).fetch();

        assertThat(token.lifetimeSeconds()).isEqualTo(3600);
        assertThat(token.fingerprint()).isEqualTo(Fingerprint.of(TOKEN));
    }

    @Test
    void eachFetchIsANewRequest() throws Exception {
        server = FaultyTokenServer.http(r -> Reply.json(200, OK_BODY));
        TokenEndpointClient client = new TokenEndpointClient(TestClients.billing(server.tokenUrl()).build());

        client.fetch();
        client.fetch();

        assertThat(server.requests()).hasSize(2);
    }

    /**
     * HttpURLConnection consults the default CookieHandler on the calling thread while it writes the request, which
     * makes it a window onto the thread state during the real request. (Not the ProxySelector: token requests no
     * longer ask the application's.)
     */
    @Test
    void threadIsMarkedAsInsideAAgentCallDuringTheRequestOnly() throws Exception {
        server = FaultyTokenServer.http(r -> Reply.json(200, OK_BODY));
        AtomicReference<Boolean> markedWhileSending = new AtomicReference<>();
        CookieHandler original = CookieHandler.getDefault();
        CookieHandler.setDefault(new CookieHandler() {
            @Override
            public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
                markedWhileSending.set(AgentCall.isActive());
                return Map.of();
            }

            @Override
            public void put(URI uri, Map<String, List<String>> responseHeaders) {
            }
        });
        try {
            new TokenEndpointClient(TestClients.billing(server.tokenUrl()).build()).fetch();
        } finally {
            CookieHandler.setDefault(original);
        }

        assertThat(markedWhileSending.get()).isTrue();
        assertThat(AgentCall.isActive()).isFalse();
    }

    @Test
    void tokenSecretAndBasicValueNeverReachTheLog() throws Exception {
        server = FaultyTokenServer.http(r -> Reply.json(200, OK_BODY));
        ClientConfig config = TestClients.billing(server.tokenUrl()).build();
        try (StderrCapture err = StderrCapture.start()) {
            new TokenEndpointClient(config).fetch();

            assertThat(err.text()).doesNotContain(TOKEN).doesNotContain(TestClients.SECRET)
                    .doesNotContain(FormEncodingSpec.basicHeader(config.clientId(), TestClients.SECRET).substring(6));
        }
    }
}
