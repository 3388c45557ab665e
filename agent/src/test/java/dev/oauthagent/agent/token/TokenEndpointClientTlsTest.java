package dev.oauthagent.agent.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.config.Secret;
import dev.oauthagent.agent.token.FaultyTokenServer.Reply;
import dev.oauthagent.agent.token.TokenFetchException.Kind;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Token requests over TLS: default trust, a per-client truststore, and verification that stays on. */
class TokenEndpointClientTlsTest {
    private static final String OK_BODY = TokenEndpointClientTest.OK_BODY;

    @TempDir
    static Path dir;
    private static TlsFixture tls;
    private final List<FaultyTokenServer> servers = new ArrayList<>();

    @BeforeAll
    static void makeCertificates() throws Exception {
        tls = TlsFixture.create(dir);
    }

    @AfterEach
    void stopServers() throws IOException {
        for (FaultyTokenServer s : servers) {
            s.close();
        }
    }

    private FaultyTokenServer httpsServer(String alias) throws Exception {
        FaultyTokenServer s = FaultyTokenServer.https(tls.serverContext(alias), r -> Reply.json(200, OK_BODY));
        servers.add(s);
        return s;
    }

    private static ClientConfig.Builder trusting(URI url) {
        return trusting(url, "loopback");
    }

    private static ClientConfig.Builder trusting(URI url, String alias) {
        return TestClients.billing(url).allowHttp(false).truststore(tls.truststore(alias))
                .truststorePassword(Secret.of(TlsFixture.TRUST_PASSWORD, "env var TRUST_PASS")).truststoreType("PKCS12");
    }

    private static TokenFetchException fails(ClientConfig config) {
        Duration bound = config.connectTimeout().plus(config.readTimeout()).plusSeconds(5);
        TokenFetchException e = assertTimeoutPreemptively(bound,
                () -> catchThrowableOfType(TokenFetchException.class, () -> new TokenEndpointClient(config).fetch()));
        assertThat(e).as("fetch should have failed").isNotNull();
        System.out.println(e.kind() + ": " + e.getMessage()); // the report shows what a user would read
        assertThat(e.getMessage()).doesNotContain(TestClients.SECRET).doesNotContain(TlsFixture.TRUST_PASSWORD);
        return e;
    }

    @Test
    void configuredTruststoreLetsTheClientTrustAPrivateCa() throws Exception {
        FaultyTokenServer server = httpsServer("loopback");

        AccessToken token = new TokenEndpointClient(trusting(server.tokenUrl()).build()).fetch();

        assertThat(token.value()).isEqualTo(TokenEndpointClientTest.TOKEN);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void withoutTruststoreAPrivateCaIsATlsFailureThatSuggestsTheTruststoreSetting() throws Exception {
        FaultyTokenServer server = httpsServer("loopback");

        TokenFetchException e = fails(TestClients.billing(server.tokenUrl()).allowHttp(false).build());

        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(e.getMessage()).contains("TLS failure talking to token endpoint 127.0.0.1:" + server.tokenUrl().getPort())
                .contains("certificate is not trusted")
                .contains("If the server uses a private CA, set oauth.agent.clients.billing.truststore");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void hostnameIsStillVerifiedWithACustomTruststore() throws Exception {
        FaultyTokenServer server = httpsServer("othername"); // trusted, but issued for other.example

        TokenFetchException e = fails(trusting(server.tokenUrl(), "othername").build());

        assertThat(e.getMessage()).contains("TLS failure").contains("does not match host 127.0.0.1");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void wrongTruststorePasswordIsTerminalAndNamesTheSettings() throws Exception {
        FaultyTokenServer server = httpsServer("loopback");

        TokenFetchException e = fails(trusting(server.tokenUrl())
                .truststorePassword(Secret.of("wrong-pass", "env var TRUST_PASS")).build());

        assertThat(e.kind()).isEqualTo(Kind.TERMINAL);
        assertThat(e.getMessage()).contains("cannot load truststore " + tls.truststore("loopback"))
                .contains("oauth.agent.clients.billing.truststore-password").doesNotContain("wrong-pass");
    }

    @Test
    void slowDripOfTheTlsHandshakeIsCutAtTheTotalDeadline() throws Exception {
        FaultyTokenServer proxy = FaultyTokenServer.slowProxy(httpsServer("loopback"), Duration.ofMillis(20));
        servers.add(proxy);

        TokenFetchException e = fails(trusting(proxy.tokenUrl()).connectTimeout(Duration.ofMillis(200))
                .readTimeout(Duration.ofMillis(1000)).build());

        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(e.getMessage()).contains("did not deliver a complete response within 1200 ms");
    }
}
