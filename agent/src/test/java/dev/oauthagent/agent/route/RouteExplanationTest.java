package dev.oauthagent.agent.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

class RouteExplanationTest {
    private static RouteExplanation explain(RouteTable table, String url) {
        return RouteExplanation.of(table, URI.create(url));
    }

    private static RouteTable table(Route... routes) {
        return RouteTable.of(List.of(routes));
    }

    @Test
    void aMatchedRequestNamesItsClientAndNoDifference() {
        RouteTable table = table(Route.parse("orders", List.of("api.example.com"), List.of("/api"), false));

        RouteExplanation explanation = explain(table, "https://api.example.com/api/orders/1");

        assertThat(explanation.matchedClient()).isEqualTo("orders");
        assertThat(explanation.differences()).isEmpty();
        assertThat(explanation.summary()).isEqualTo("https://api.example.com/api/… carries the token of client 'orders'");
    }

    @Test
    void aHostWithoutThePortTheRequestUsesSaysSoAndGivesTheEntryThatWouldMatch() {
        RouteTable table = table(Route.parse("orders", List.of("127.0.0.1"), List.of("/api"), true));

        RouteExplanation explanation = explain(table, "http://127.0.0.1:34293/api/hello");

        assertThat(explanation.matchedClient()).isNull();
        assertThat(explanation.nearestClient()).isEqualTo("orders");
        assertThat(explanation.differences()).containsExactly("port: the request goes to port 34293, and"
                + " '127.0.0.1' in oauth.agent.clients.orders.hosts matches only port 80 (the http default: the entry"
                + " names no port); to send it this client's token, add 127.0.0.1:34293 to"
                + " oauth.agent.clients.orders.hosts");
    }

    @Test
    void anEntryWithAnotherPortGivesTheEntryForThePortUsed() {
        RouteTable table = table(Route.parse("orders", List.of("*.example.com:8443"), List.of("/"), false));

        RouteExplanation explanation = explain(table, "https://api.example.com/x");

        assertThat(explanation.differences()).singleElement().asString()
                .startsWith("port: the request goes to port 443, and '*.example.com:8443' in")
                .contains("matches only port 8443;")
                .endsWith("add *.example.com to oauth.agent.clients.orders.hosts");
    }

    @Test
    void aMisspelledHostNamesTheNearestClientByItsSpelling() {
        RouteTable table = table(
                Route.parse("billing", List.of("billing.example.com"), List.of("/"), false),
                Route.parse("orders", List.of("api.example.com", "api.example.org:8443"), List.of("/"), false));

        RouteExplanation explanation = explain(table, "https://api.exmaple.com/v1");

        assertThat(explanation.nearestClient()).isEqualTo("orders");
        assertThat(explanation.differences()).containsExactly("host: the request goes to api.exmaple.com, which"
                + " none of oauth.agent.clients.orders.hosts=api.example.com,api.example.org:8443 matches (nearest:"
                + " api.example.com); to send it this client's token, add api.exmaple.com to"
                + " oauth.agent.clients.orders.hosts");
    }

    @Test
    void aWildcardDoesNotCoverItsOwnDomain() {
        RouteTable table = table(Route.parse("orders", List.of("*.example.com"), List.of("/"), false));

        assertThat(explain(table, "https://example.com/").differences()).containsExactly("host: '*.example.com'"
                + " in oauth.agent.clients.orders.hosts matches the subdomains of example.com, not example.com itself;"
                + " to send it this client's token, add example.com to oauth.agent.clients.orders.hosts");
    }

    @Test
    void plainHttpWithoutAllowHttpIsTheSchemeThatDiffers() {
        RouteTable table = table(Route.parse("orders", List.of("api.example.com:8080"), List.of("/"), false));

        assertThat(explain(table, "http://api.example.com:8080/x").differences()).containsExactly("scheme: the"
                + " request is plain http, which client 'orders' does not get (its token would travel unencrypted):"
                + " call https, or for testing set oauth.agent.clients.orders.allow-http=true");
    }

    @Test
    void aPathOutsideThePrefixesGivesTheFirstSegmentAsThePrefixThatWouldMatch() {
        RouteTable table = table(Route.parse("orders", List.of("api.example.com"), List.of("/api", "/v2"), false));

        assertThat(explain(table, "https://api.example.com/public/docs?x=1").differences()).containsExactly("path:"
                + " /public/… is under none of oauth.agent.clients.orders.paths=/api,/v2; to send it this client's"
                + " token, add /public (a prefix matches whole segments)");
    }

    @Test
    void theClientOnTheSameHostAndPortIsNearerThanOneWhosePathMatches() {
        RouteTable table = table(
                Route.parse("other", List.of("other.example.com"), List.of("/"), false),
                Route.parse("orders", List.of("api.example.com"), List.of("/api"), false));

        RouteExplanation explanation = explain(table, "https://api.example.com/public");

        assertThat(explanation.nearestClient()).isEqualTo("orders");
        assertThat(explanation.differences()).singleElement().asString().startsWith("path: /public is under");
    }

    @Test
    void everyDifferingPartIsListedInOrder() {
        RouteTable table = table(Route.parse("orders", List.of("api.example.com"), List.of("/api"), false));

        assertThat(explain(table, "http://api.example.net:8080/public").differences())
                .extracting(line -> line.substring(0, line.indexOf(':')))
                .containsExactly("scheme", "host", "port", "path");
    }

    @Test
    void aSchemeOtherThanHttpOrHttpsMatchesNoClientAndNoneIsNearest() {
        RouteTable table = table(Route.parse("orders", List.of("api.example.com"), List.of("/"), false));

        RouteExplanation explanation = explain(table, "ftp://api.example.com/x");

        assertThat(explanation.nearestClient()).isNull();
        assertThat(explanation.differences()).containsExactly(
                "the scheme is not http or https: the agent adds tokens to http(s) requests only");
    }

    @Test
    void noClientsOrNoHostsSayJustThat() {
        assertThat(explain(table(), "https://api.example.com/").summary())
                .isEqualTo("no client's token goes to https://api.example.com/; no clients are configured");
        assertThat(explain(table(new Route("orders", List.of(), List.of(PathPrefix.ROOT), false)),
                "https://api.example.com/").differences()).containsExactly(
                "no client lists any hosts (oauth.agent.clients.<name>.hosts)");
    }

    @Test
    void theRequestIsShownWithoutUserInfoQueryOrPathBeyondItsFirstSegment() {
        RouteTable table = table(Route.parse("orders", List.of("api.example.com"), List.of("/v2"), false));

        RouteExplanation explanation = explain(table,
                "https://user:hunter2@api.example.com:8443/api/reset/s3cr3t?key=abc#frag");

        assertThat(explanation.request()).isEqualTo("https://api.example.com:8443/api/…");
        assertThat(explanation.summary()).doesNotContain("hunter2", "s3cr3t", "abc", "frag", "reset")
                .startsWith("no client's token goes to https://api.example.com:8443/api/…; nearest client 'orders';"
                        + " port: ");
    }

    @Test
    void anIpv6HostIsShownAndSuggestedInBrackets() {
        RouteTable table = table(Route.parse("orders", List.of("[::1]"), List.of("/"), true));

        RouteExplanation explanation = explain(table, "http://[::1]:9000/");

        assertThat(explanation.request()).isEqualTo("http://[::1]:9000/");
        assertThat(explanation.differences()).singleElement().asString().endsWith("add [::1]:9000 to"
                + " oauth.agent.clients.orders.hosts");
    }
}
