package dev.oauthagent.agent.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.config.Secret;
import dev.oauthagent.agent.token.LoosenedJvmTls.Way;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The token client's TLS is its own: whatever the application loosened JVM-wide (a trust-all default socket
 * factory, an allow-all default hostname verifier, a trust-all default SSLContext), a certificate the JDK's
 * trust or the client's truststore does not vouch for, or one issued for another host, ends the connection in
 * the handshake. Not one byte of the request, client credentials included, reaches that server.
 */
class TokenEndpointClientLoosenedTlsTest {
    @TempDir
    static Path dir;
    private static TlsFixture tls;
    private RecordingTlsServer server;

    @BeforeAll
    static void makeCertificates() throws Exception {
        tls = TlsFixture.create(dir);
    }

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private RecordingTlsServer serverPresenting(String alias) throws Exception {
        server = new RecordingTlsServer(tls.serverContext(alias), TokenEndpointClientTest.OK_BODY);
        return server;
    }

    private static ClientConfig.Builder trusting(String alias, RecordingTlsServer server) {
        return TestClients.billing(server.tokenUrl()).allowHttp(false).truststore(tls.truststore(alias))
                .truststorePassword(Secret.of(TlsFixture.TRUST_PASSWORD, "env var TRUST_PASS"))
                .truststoreType("PKCS12");
    }

    private static TokenFetchException fetchFails(ClientConfig config, Way way) throws Exception {
        try (LoosenedJvmTls loosened = LoosenedJvmTls.apply(way)) {
            TokenFetchException e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> catchThrowableOfType(
                    TokenFetchException.class, () -> new TokenEndpointClient(config).fetch()));
            assertThat(e).as("the token request should have failed").isNotNull();
            System.out.println(way + ": " + e.getMessage()); // the report shows what a user would read
            assertThat(e.getMessage()).doesNotContain(TestClients.SECRET).doesNotContain(TlsFixture.TRUST_PASSWORD);
            return e;
        }
    }

    private void assertNothingButTheHandshakeReachedTheServer() throws Exception {
        assertThat(server.accepted()).as("the client did try to connect").isGreaterThanOrEqualTo(1);
        assertThat(server.applicationBytes()).as("application bytes the server read").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void selfSignedCertificateIsRefusedInTheHandshakeWhateverTheApplicationLoosened(Way way) throws Exception {
        serverPresenting("loopback"); // self-signed, issued for 127.0.0.1; no truststore: the JDK's default trust

        TokenFetchException e = fetchFails(TestClients.billing(server.tokenUrl()).allowHttp(false).build(), way);

        assertNothingButTheHandshakeReachedTheServer();
        assertThat(e.getMessage()).contains("the server's certificate is not trusted")
                .contains("set oauth.agent.clients.billing.truststore to a store holding the CA");
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void certificateForAnotherHostIsRefusedInTheHandshakeWhateverTheApplicationLoosened(Way way) throws Exception {
        serverPresenting("othername"); // trusted through the client's truststore, but issued for other.example

        TokenFetchException e = fetchFails(trusting("othername", server).build(), way);

        assertNothingButTheHandshakeReachedTheServer();
        assertThat(e.getMessage()).contains("the server's certificate does not match host 127.0.0.1")
                .contains("oauth.agent.clients.billing.token-url");
    }

    @Test
    void aTrustedCertificateForTheRightHostGetsTheRequestThroughWhileTheJvmIsLoosened() throws Exception {
        serverPresenting("loopback");

        try (LoosenedJvmTls loosened = LoosenedJvmTls.apply(Way.ALLOW_ALL_HOSTNAME_VERIFIER)) {
            AccessToken token = new TokenEndpointClient(trusting("loopback", server).build()).fetch();
            assertThat(token.value()).isEqualTo(TokenEndpointClientTest.TOKEN);
        }
        // the recorder sees what a trusting client sends: its silence above is the client's doing
        assertThat(server.applicationBytes()).startsWith("POST " + FaultyTokenServer.PATH).contains("client_credentials");
    }
}
