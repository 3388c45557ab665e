package dev.oauthagent.agent.instrument.apache5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.bootstrap.ConnectHook;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.io.CloseMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link MinimalClients} with the real minimal clients of Apache HttpClient 5.6 (created, never started) and the
 * hosts and routes their hooks are given: what the connect watch is told, and that the HTTP/2 pool, which the
 * covered HTTP/2 client shares, reports only while a minimal client executes on the thread.
 */
class MinimalClientsTest {
    private final List<String> told = new ArrayList<>();
    private final ConnectHook watch = new ConnectHook() {
        @Override
        public void opening(SocketAddress address) {
            told.add("opening " + address);
        }

        @Override
        public void requesting(String host, int port, Class<?> client) {
            told.add(host + ":" + port + " " + client.getSimpleName());
        }
    };
    private final MinimalClients minimal = new MinimalClients(new LibraryBindings(), () -> watch);
    private final CloseableHttpAsyncClient http1 = HttpAsyncClients.createMinimal();
    private final CloseableHttpAsyncClient http2 = HttpAsyncClients.createHttp2Minimal();

    @AfterEach
    void closeClients() {
        http1.close(CloseMode.IMMEDIATE);
        http2.close(CloseMode.IMMEDIATE);
        minimal.executed();
    }

    @Test
    void theMinimalHttp1ClientsTargetIsToldWithTheSchemesPortWhereItNamesNone() {
        minimal.requesting(http1, new HttpHost("http", "api.example.com", -1));
        minimal.requesting(http1, new HttpHost("https", "api.example.com", -1));
        minimal.requesting(http1, new HttpHost("http", "api.example.com", 8080));

        assertThat(told).containsExactly("api.example.com:80 MinimalHttpAsyncClient",
                "api.example.com:443 MinimalHttpAsyncClient", "api.example.com:8080 MinimalHttpAsyncClient");
    }

    @Test
    void anHttp2SessionIsToldOnlyWhileTheMinimalHttp2ClientExecutesOnTheThread() {
        HttpRoute route = new HttpRoute(new HttpHost("https", "api.example.com", 443));

        minimal.sessionRequested(route);
        minimal.executing(http2);
        minimal.sessionRequested(route);
        minimal.sessionRequested(new HttpHost("http", "h2.example.com", 8080));
        minimal.executed();
        minimal.sessionRequested(route);

        assertThat(told).as("the covered HTTP/2 client's sessions, before and after, are not told")
                .containsExactly("api.example.com:443 MinimalH2AsyncClient",
                        "h2.example.com:8080 MinimalH2AsyncClient");
    }

    @Test
    void withTheWatchOffNothingIsToldAndNothingFails() {
        MinimalClients off = new MinimalClients(new LibraryBindings(), () -> null);

        off.requesting(http1, new HttpHost("http", "api.example.com", 80));

        assertThat(told).isEmpty();
    }
}
