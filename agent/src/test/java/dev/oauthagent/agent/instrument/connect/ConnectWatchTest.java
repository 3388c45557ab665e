package dev.oauthagent.agent.instrument.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.agent.instrument.ClientLibraries;
import dev.oauthagent.bootstrap.AgentCall;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectWatchTest {
    private static final String JETTY = "org.eclipse.jetty.io.ClientConnector";

    private final List<String> asked = new ArrayList<>();
    private final List<Boolean> walkedAsAgentCall = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();
    private final ConnectWatch watch = new ConnectWatch((host, port) -> {
        asked.add(host + ":" + port);
        return host.equals("api.example.com") && port == 443 ? "billing" : null;
    }, new UncoveredConnections(() -> {
        walkedAsAgentCall.add(AgentCall.isActive());
        return new Opener(ClientLibraries.ofClass(JETTY), null, JETTY, false);
    }, lines::add));

    @Test
    void aConnectionToAHostNoClientListsCostsTheHostCheckAlone() {
        watch.opening(InetSocketAddress.createUnresolved("cdn.example.org", 443));

        assertThat(asked).containsExactly("cdn.example.org:443");
        assertThat(walkedAsAgentCall).as("no stack walk").isEmpty();
        assertThat(lines).isEmpty();
    }

    @Test
    void aConnectionToAConfiguredHostIsJudgedAsTheAgentsOwnCall() {
        watch.opening(InetSocketAddress.createUnresolved("api.example.com", 443));

        assertThat(walkedAsAgentCall).as("a connection the report itself causes is not looked at")
                .containsExactly(true);
        assertThat(AgentCall.isActive()).isFalse();
        assertThat(lines).singleElement().asString().contains("api.example.com:443").contains("Jetty HttpClient");
    }

    @Test
    void aResolvedAddressIsJudgedByTheHostNameItWasMadeWithNeverByAReverseLookup() throws Exception {
        InetSocketAddress resolved = new InetSocketAddress(
                java.net.InetAddress.getByAddress("api.example.com", new byte[] {127, 0, 0, 1}), 443);

        watch.opening(resolved);

        assertThat(asked).containsExactly("api.example.com:443");
    }

    @Test
    void anAddressThatIsNoInternetAddressIsIgnored() {
        watch.opening(new SocketAddress() { });

        assertThat(asked).isEmpty();
    }

    @Test
    void aRequestOfAnUncoveredClientClassIsReportedByThatClassWithoutAStackWalk() {
        watch.requesting("api.example.com", 443, ConnectWatchTest.class);
        watch.requesting("cdn.example.org", 443, ConnectWatchTest.class);

        assertThat(asked).containsExactly("api.example.com:443", "cdn.example.org:443");
        assertThat(walkedAsAgentCall).isEmpty();
        assertThat(lines).singleElement().asString().contains("api.example.com:443")
                .contains("opened by " + ConnectWatchTest.class.getName() + " (in ");
    }
}
