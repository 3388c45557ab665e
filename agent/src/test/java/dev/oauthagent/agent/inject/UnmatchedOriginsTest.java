package dev.oauthagent.agent.inject;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.agent.route.Route;
import dev.oauthagent.agent.route.RouteTable;

import java.net.URI;
import java.net.URL;
import java.util.List;

import org.junit.jupiter.api.Test;

class UnmatchedOriginsTest {
    private final UnmatchedOrigins origins = new UnmatchedOrigins(RouteTable.of(List.of(
            Route.parse("orders", List.of("127.0.0.1"), List.of("/api"), true))));

    @Test
    void eachOriginIsExplainedOnceWhateverItsPath() throws Exception {
        String first = origins.firstReport(new URL("http://127.0.0.1:34293/api/hello"), null);

        assertThat(first).isEqualTo("no client's token goes to http://127.0.0.1:34293/api/…; nearest client"
                + " 'orders'; port: the request goes to port 34293, and '127.0.0.1' in oauth.agent.clients.orders.hosts"
                + " matches only port 80 (the http default: the entry names no port); to send it this client's token,"
                + " add 127.0.0.1:34293 to oauth.agent.clients.orders.hosts (said once per scheme, host and port)");
        assertThat(origins.firstReport(new URL("http://127.0.0.1:34293/other"), null)).isNull();
        assertThat(origins.firstReport(null, URI.create("HTTP://127.0.0.1:34293/api"))).isNull();
        assertThat(origins.firstReport(null, URI.create("https://127.0.0.1:34293/api"))).isNotNull();
        assertThat(origins.firstReport(null, URI.create("http://127.0.0.1:34294/api"))).isNotNull();
    }

    @Test
    void aHopInPartsIsExplainedWithItsPathAsAUrlIs() throws Exception {
        String fromParts = origins.firstReport("http", "127.0.0.1", -1, "/public/x");

        assertThat(fromParts).contains("http://127.0.0.1/public/…").contains("path")
                .isEqualTo(new UnmatchedOrigins(RouteTable.of(List.of(Route.parse("orders", List.of("127.0.0.1"),
                        List.of("/api"), true)))).firstReport(new URL("http://127.0.0.1/public/x"), null));
        assertThat(origins.firstReport("HTTP", "127.0.0.1", -1, "/api")).isNull();
    }

    @Test
    void afterTheCapOneLineSaysFurtherOriginsAreNotReported() throws Exception {
        for (int port = 1; port <= UnmatchedOrigins.MAX_ORIGINS; port++) {
            assertThat(origins.firstReport(new URL("http://127.0.0.1:" + (10_000 + port) + "/api"), null)).isNotNull();
        }

        assertThat(origins.firstReport(new URL("http://127.0.0.1:20000/api"), null))
                .startsWith("no token for requests to 256 different origins so far;");
        assertThat(origins.firstReport(new URL("http://127.0.0.1:20001/api"), null)).isNull();
    }
}
