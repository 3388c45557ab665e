package dev.oauthagent.agent.instrument.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.agent.instrument.ClientLibraries;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class UncoveredConnectionsTest {
    private static final Opener JETTY = library("org.eclipse.jetty.io.ClientConnector");
    private static final Opener NETTY = library("io.netty.channel.socket.nio.NioSocketChannel");
    private static final Opener URL_CONNECTION = library("sun.net.www.protocol.http.HttpURLConnection");

    private final List<String> lines = new ArrayList<>();
    private final AtomicInteger walks = new AtomicInteger();
    private Opener next = JETTY;
    private final UncoveredConnections uncovered = new UncoveredConnections(() -> {
        walks.incrementAndGet();
        return next;
    }, lines::add);

    @Test
    void aConnectionOfAnUncoveredLibraryIsReportedWithHostClientLibraryAndThread() {
        uncovered.opening("API.example.com", 443, "billing");

        assertThat(lines).containsExactly("no token on connections to api.example.com:443 (a host of client 'billing')"
                + " opened by Jetty HttpClient (org.eclipse.jetty.io.ClientConnector) on thread '"
                + Thread.currentThread().getName() + "': the agent does not instrument that client, so its requests"
                + " carry no token. Send them through a client the agent instruments (docs/clients.md) (said once per"
                + " host and library)");
    }

    @Test
    void aRequestOfAMinimalApacheAsyncClientIsReportedOncePerHostWithItsOwnFixAndNoStackWalk() {
        Opener minimal = library("org.apache.hc.client5.http.impl.async.MinimalH2AsyncClient");

        uncovered.requesting("api.example.com", 443, "billing", minimal);
        uncovered.requesting("api.example.com", 443, "billing", minimal);
        uncovered.requesting("other.example.com", 443, "billing", minimal);

        assertThat(walks).hasValue(0);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("no token on connections to api.example.com:443 (a host of client"
                        + " 'billing') opened by Apache HttpClient 5 minimal async clients"
                        + " (org.apache.hc.client5.http.impl.async.MinimalH2AsyncClient) on thread '")
                .contains("so its requests carry no token. Build the client with HttpAsyncClients.custom()...build()"
                        + " or HttpAsyncClients.createDefault()")
                .doesNotContain("Send them through")
                .endsWith("(said once per host and library)");
        assertThat(lines.get(1)).contains("other.example.com:443");
    }

    @Test
    void aMinimalClientAndAnotherUncoveredLibraryOnOneHostAreReportedApart() {
        uncovered.opening("api.example.com", 443, "billing");
        uncovered.requesting("api.example.com", 443, "billing",
                library("org.apache.hc.client5.http.impl.async.MinimalHttpAsyncClient"));

        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains("opened by Apache HttpClient 5 minimal async clients (");
    }

    @Test
    void aCoveredClientsConnectionIsNotReported() {
        next = URL_CONNECTION;

        uncovered.opening("api.example.com", 443, "billing");

        assertThat(lines).isEmpty();
    }

    @Test
    void eachHostAndLibraryIsReportedOnce() {
        uncovered.opening("api.example.com", 443, "billing");
        uncovered.opening("api.example.com", 443, "billing");
        uncovered.opening("API.EXAMPLE.COM", 443, "billing");
        uncovered.opening("api.example.com", 8443, "billing");
        next = NETTY;
        uncovered.opening("api.example.com", 443, "billing");

        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).contains("api.example.com:8443").contains("Jetty HttpClient");
        assertThat(lines.get(2)).contains("api.example.com:443").contains("opened by Netty (");
    }

    @Test
    void afterTheBoundOneLineSaysSoAndNothingMoreIsLookedAt() {
        for (int i = 0; i < UncoveredConnections.MAX_REPORTS + 10; i++) {
            uncovered.opening("host" + i + ".example.com", 443, "billing");
        }
        int walksWhenFull = walks.get();
        uncovered.opening("another.example.com", 443, "billing");

        assertThat(lines).hasSize(UncoveredConnections.MAX_REPORTS + 1);
        assertThat(lines.get(UncoveredConnections.MAX_REPORTS)).contains("further ones are not reported");
        assertThat(uncovered.isFull()).isTrue();
        assertThat(walks.get()).isEqualTo(walksWhenFull).isEqualTo(UncoveredConnections.MAX_REPORTS + 1);
    }

    private static Opener library(String className) {
        return new Opener(ClientLibraries.ofClass(className), null, className, false);
    }
}
