package dev.oauthagent.agent.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.agent.token.FaultyTokenServer.Reply;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A ProxySelector the application installs is for the application's traffic: a token request does not ask it,
 * so the client credentials never go to a proxy nobody configured for the agent (docs/decisions/0024).
 */
class TokenRequestIgnoresApplicationProxySelectorTest {
    /** What an application installs: every request through its own proxy. */
    private static final class ApplicationSelector extends ProxySelector {
        final List<URI> asked = new CopyOnWriteArrayList<>();
        private final Proxy proxy;

        ApplicationSelector(int port) {
            this.proxy = new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", port));
        }

        @Override
        public List<Proxy> select(URI uri) {
            asked.add(uri);
            return List.of(proxy);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        }
    }

    @Test
    void aProxySelectorTheApplicationInstalledIsNeitherAskedNorUsedForTheTokenRequest() throws Exception {
        try (FaultyTokenServer server = FaultyTokenServer.http(r -> Reply.json(200, TokenEndpointClientTest.OK_BODY));
                AuthenticatingProxy appProxy = AuthenticatingProxy.requiring("app-user", "app-password")) {
            ApplicationSelector selector = new ApplicationSelector(appProxy.port());
            ProxySelector original = ProxySelector.getDefault();
            ProxySelector.setDefault(selector);
            AccessToken token;
            try {
                token = new TokenEndpointClient(TestClients.billing(server.tokenUrl()).build()).fetch();
            } finally {
                ProxySelector.setDefault(original);
            }

            assertThat(token.value()).isEqualTo(TokenEndpointClientTest.TOKEN);
            assertThat(selector.asked).isEmpty();
            assertThat(appProxy.seen()).isEmpty();
            assertThat(server.requests()).hasSize(1);
        }
    }
}
