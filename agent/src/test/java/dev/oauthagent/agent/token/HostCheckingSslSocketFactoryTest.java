package dev.oauthagent.agent.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/** Every socket the agent's factory makes checks the host name in its handshake and keeps its server name. */
class HostCheckingSslSocketFactoryTest {
    private final HostCheckingSslSocketFactory factory;

    HostCheckingSslSocketFactoryTest() throws Exception {
        factory = new HostCheckingSslSocketFactory(SSLContext.getInstance("Default").getSocketFactory());
    }

    @Test
    void unconnectedSocketChecksTheHostNameInTheHandshake() throws Exception {
        try (SSLSocket s = (SSLSocket) factory.createSocket()) {
            assertThat(s.getSSLParameters().getEndpointIdentificationAlgorithm()).isEqualTo("HTTPS");
        }
    }

    @Test
    void socketLayeredOverAConnectionChecksTheHostNameAndStillSendsTheServerName() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket plain = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                SSLSocket s = (SSLSocket) factory.createSocket(plain, "as.example", server.getLocalPort(), true)) {
            assertThat(s.getSSLParameters().getEndpointIdentificationAlgorithm()).isEqualTo("HTTPS");
            assertThat(s.getSSLParameters().getServerNames()).containsExactly(new SNIHostName("as.example"));
        }
    }

    @Test
    void theConnectionsVerifierNeverAcceptsWhatTheJdkRefused() {
        assertThat(RefusingHostnameVerifier.INSTANCE.verify("127.0.0.1", null)).isFalse();
    }
}
