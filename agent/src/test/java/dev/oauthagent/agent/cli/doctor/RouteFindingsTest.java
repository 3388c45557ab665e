package dev.oauthagent.agent.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.agent.cli.doctor.Finding.Status;
import dev.oauthagent.agent.config.ClientConfig;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteFindingsTest {
    private static ClientConfig client(String name, List<String> hosts, List<String> paths) {
        return ClientConfig.builder(name).tokenUrl(URI.create("https://as.example.com/token")).clientId(name)
                .hosts(hosts).paths(paths).build();
    }

    private static List<Finding> overlaps(RouteFindings routes, String client) {
        return routes.of(client).stream().filter(f -> f.code().equals(RouteFindings.OVERLAP)).toList();
    }

    @Test
    void eachClientIsToldWhichRequestsGetItsToken() {
        RouteFindings routes = new RouteFindings(List.of(client("orders", List.of("api.example.com", "*.shop.example"),
                List.of("/orders", "/carts")), client("all", List.of("other.example.com"), List.of("/"))));

        assertThat(routes.of("orders")).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.OK);
            assertThat(f.summary()).isEqualTo("its token goes to requests to api.example.com/orders,"
                    + " api.example.com/carts, *.shop.example/orders, *.shop.example/carts over https");
        });
        assertThat(routes.of("all").get(0).summary()).endsWith("other.example.com over https, any path");
    }

    @Test
    void anExactHostUnderAnotherClientsWildcardIsAWarningNamingTheWinnerByTheLongerPath() {
        RouteFindings routes = new RouteFindings(List.of(client("general", List.of("*.example.com"), List.of("/api")),
                client("orders", List.of("orders.example.com"), List.of("/"))));

        List<Finding> general = overlaps(routes, "general");
        assertThat(general).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.WARN);
            assertThat(f.summary()).isEqualTo("clients 'general' (*.example.com/api) and 'orders' (orders.example.com/)"
                    + " can both match a request such as https://orders.example.com/api; by the route table's rules"
                    + " (the longest path prefix, then an exact host over a wildcard, then the longer wildcard domain,"
                    + " then a host with a port) it gets the token of 'general'");
            assertThat(f.fix()).startsWith("if 'general' is meant to get such requests, make it explicit: list in"
                    + " oauth.agent.clients.orders.hosts and oauth.agent.clients.orders.paths only what 'orders'"
                    + " calls");
        });
        assertThat(overlaps(routes, "orders")).containsExactlyElementsOf(general);
    }

    @Test
    void onEqualPathsTheExactHostWinsOverTheWildcard() {
        RouteFindings routes = new RouteFindings(List.of(client("general", List.of("*.example.com"), List.of("/")),
                client("orders", List.of("orders.example.com"), List.of("/"))));

        assertThat(overlaps(routes, "orders")).singleElement().extracting(Finding::summary).asString()
                .endsWith("it gets the token of 'orders'");
    }

    @Test
    void aHostWithTheHttpsPortAndTheSameHostWithoutOneOverlapAndTheExplicitPortWins() {
        RouteFindings routes = new RouteFindings(List.of(client("a", List.of("api.example.com"), List.of("/")),
                client("b", List.of("api.example.com:443"), List.of("/"))));

        assertThat(overlaps(routes, "a")).singleElement().extracting(Finding::summary).asString()
                .contains("https://api.example.com:443/").endsWith("it gets the token of 'b'");
    }

    @Test
    void nestedWildcardsOverlapAndTheLongerDomainWins() {
        RouteFindings routes = new RouteFindings(List.of(client("wide", List.of("*.example.com"), List.of("/")),
                client("narrow", List.of("*.eu.example.com"), List.of("/"))));

        assertThat(overlaps(routes, "wide")).singleElement().extracting(Finding::summary).asString()
                .contains("https://a.eu.example.com/").endsWith("it gets the token of 'narrow'");
    }

    @Test
    void clientsOnOtherHostsOtherPortsOrDisjointPathsDoNotOverlap() {
        RouteFindings routes = new RouteFindings(List.of(
                client("a", List.of("*.example.com", "api.example.org"), List.of("/orders")),
                client("b", List.of("example.com", "api.example.org:8443"), List.of("/")),
                client("c", List.of("x.example.com"), List.of("/carts"))));

        assertThat(overlaps(routes, "a")).isEmpty();
        assertThat(overlaps(routes, "b")).isEmpty();
        assertThat(overlaps(routes, "c")).isEmpty();
    }
}
