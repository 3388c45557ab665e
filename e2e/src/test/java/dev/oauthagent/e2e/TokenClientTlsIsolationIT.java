package dev.oauthagent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.e2e.fixtures.LooseTlsApp;
import dev.oauthagent.e2e.support.E2ePaths;
import dev.oauthagent.e2e.support.JavaProcess;
import dev.oauthagent.e2e.support.JavaProcessBuilder;
import dev.oauthagent.e2e.support.RecordingTlsServer;
import dev.oauthagent.e2e.support.TestTls;
import java.net.BindException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A real application under the agent loosens TLS for the whole JVM (trust-all default context and socket
 * factory, allow-all hostname verifier) before its first request. The agent's token requests keep their own
 * TLS: against a self-signed or wrong-name token endpoint, the handshake ends every attempt and not one byte
 * of the request, client credentials included, reaches the server.
 */
class TokenClientTlsIsolationIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String SECRET = "tls-" + UUID.randomUUID();

    private static JavaProcessBuilder app(String name, URI tokenUrl) {
        return JavaProcess.builder(name).mainClass(LooseTlsApp.class).javaAgent(E2ePaths.agentJar(), null)
                .env("OAUTH_AGENT_CLIENTS_INVENTORY_TOKEN_URL", tokenUrl.toString())
                .env("OAUTH_AGENT_CLIENTS_INVENTORY_CLIENT_ID", "inventory-client")
                .env("OAUTH_AGENT_CLIENTS_INVENTORY_CLIENT_SECRET", "${env:INVENTORY_SECRET}")
                .env("INVENTORY_SECRET", SECRET)
                .env("OAUTH_AGENT_CLIENTS_INVENTORY_HOSTS", "inventory.example.internal");
    }

    /** Waits for two token requests that started after the application loosened TLS to end. */
    private static void awaitTwoAttemptsAfterLoosening(JavaProcess app, RecordingTlsServer server) throws Exception {
        app.awaitLine("LOOSENED", WAIT);
        int before = server.accepted();
        assertThat(server.awaitEnded(before + 2, WAIT)).as("two token requests after LOOSENED").isTrue();
    }

    private static void assertNoRequestByteReached(RecordingTlsServer server, JavaProcess app) {
        // the count only: the bytes would hold the credentials
        assertThat(server.applicationBytes().length()).as("application bytes the token endpoint read").isZero();
        assertThat(app.stdout() + app.stderr()).doesNotContain(SECRET);
    }

    @Test
    void selfSignedTokenEndpointGetsNoCredentialsFromAnApplicationThatTrustsEverything() throws Exception {
        try (RecordingTlsServer server = new RecordingTlsServer(TestTls.get(), InetAddress.getLoopbackAddress());
                JavaProcess app = app("loose-tls-self-signed", server.url("/oauth2/token")).start()) {
            awaitTwoAttemptsAfterLoosening(app, server);

            assertNoRequestByteReached(server, app);
            assertThat(app.stderr()).contains("the server's certificate is not trusted",
                    "set oauth.agent.clients.inventory.truststore");
        }
    }

    @Test
    void wrongNameTokenEndpointGetsNoCredentialsFromAnApplicationThatAllowsEveryHostName() throws Exception {
        // trusted through javax.net.ssl.trustStore, but the certificate names 127.0.0.1, not 127.0.0.2
        InetAddress otherLoopback = InetAddress.getByName("127.0.0.2");
        RecordingTlsServer server;
        try {
            server = new RecordingTlsServer(TestTls.get(), otherLoopback);
        } catch (BindException e) {
            Assumptions.abort("127.0.0.2 is not a loopback address on this machine");
            return;
        }
        try (RecordingTlsServer s = server; JavaProcess app = app("loose-tls-wrong-name", s.url("/oauth2/token"))
                .jvmArgs(TestTls.get().trustStoreJvmArgs().toArray(new String[0])).start()) {
            awaitTwoAttemptsAfterLoosening(app, s);

            assertNoRequestByteReached(s, app);
            assertThat(app.stderr()).contains("the server's certificate does not match host 127.0.0.2",
                    "oauth.agent.clients.inventory.token-url");
        }
    }

    @Test
    void aCertificateTrustedThroughTheJdkTrustStorePropertiesForTheRightHostGetsTheRequest() throws Exception {
        // the control: the same server does record a request, and the agent's own context reads javax.net.ssl.*
        try (RecordingTlsServer server = new RecordingTlsServer(TestTls.get(), InetAddress.getLoopbackAddress());
                JavaProcess app = app("loose-tls-trusted", server.url("/oauth2/token"))
                        .jvmArgs(TestTls.get().trustStoreJvmArgs().toArray(new String[0])).start()) {
            app.awaitLine("LOOSENED", WAIT);
            assertThat(server.awaitEnded(1, WAIT)).isTrue();

            assertThat(server.applicationBytes().startsWith("POST /oauth2/token ")).as("a token request arrived").isTrue();
        }
    }
}
