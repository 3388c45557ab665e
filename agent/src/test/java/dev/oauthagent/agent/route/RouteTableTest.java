package dev.oauthagent.agent.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.oauthagent.agent.config.ClientConfig;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RouteTableTest {
    private static final String CYRILLIC_A = "\u0430";

    /** The table the "must not match" and "matches" lists are judged against. */
    private static final RouteTable TABLE = RouteTable.of(List.of(
            Route.parse("api", List.of("api.example.com"), List.of("/"), false),
            Route.parse("partner", List.of("*.partner.example"), List.of("/v1"), false),
            Route.parse("local", List.of("10.0.0.5:8080", "[2001:db8::1]:8443"), List.of("/"), false),
            Route.parse("idn", List.of("bücher.example"), List.of("/"), false),
            Route.parse("puny", List.of("xn--caf-dma.example"), List.of("/"), false),
            Route.parse("strasse", List.of("strasse.example", "api.example.org"), List.of("/"), false),
            Route.parse("legacy", List.of("legacy.example.com"), List.of("/"), true)));

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "https://api.example.com.evil.com/",
        "https://evilapi.example.com/",
        "https://api.example.com@evil.com/",
        "https://api.example.com:pw@evil.com/",
        "https://evil.com/api.example.com",
        "https://evil.com/?host=api.example.com",
        "https://evil.com#@api.example.com/",
        "https://API.EXAMPLE.COM.evil.com/",
        "https://x.api.example.com/",
        "https://example.com/",
        "https://api.example.com:8443/",
        "https://api.example.com:80/",
        "http://api.example.com/",
        "http://api.example.com:443/",
        "ftp://api.example.com/",
        "wss://api.example.com/",
        "https://api.example.com../",
        "https://partner.example/v1",
        "https://x.partner.example/",
        "https://x.partner.example/v2",
        "https://x.partner.example/v1x",
        "https://x.partner.example/v1/../admin",
        "https://x.partner.example/v1/%2e%2e/admin",
        "https://x.partner.example/v1/%2E%2E/admin",
        "https://x.partner.example/v1/..;/admin",
        "https://x.partner.example/v1/..%2fadmin",
        "https://x.partner.example/v1/..%5Cadmin",
        "https://x.partner.example.evil/v1",
        "https://xpartner.example/v1",
        "https://10.0.0.5/",
        "https://10.0.0.5:8081/",
        "https://10.0.0.50:8080/",
        "https://10.0.0.5.evil.com:8080/",
        "https://010.0.0.5:8080/",
        "https://167772165:8080/",
        "https://[2001:db8::2]:8443/",
        "https://[2001:db8::1]/",
        "https://[::ffff:10.0.0.5]:8080/",
        "https://bucher.example/",
        "https://xn--bcher-kva.example.evil/",
        "https://cafe.example/",
        "https://api%2eexample.com/",
        "https://xn--pi-7ed.example.com/",
        "mailto:admin@api.example.com",
    })
    void requestMustNotMatch(String url) {
        assertThat(TABLE.match(URI.create(url))).isNull();
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"api.example.com.evil.com", "evilapi.example.com", "api.example.com\u0000.evil.com",
        "api.example.com/", "api.example.com:443", "api.example.com ", " api.example.com", "api.example.com@evil.com",
        CYRILLIC_A + "pi.example.com", "api.example.com..", "*.example.com", "", "[api.example.com]"})
    void hostTrickGivenAsParsedHostDoesNotMatch(String host) {
        assertThat(TABLE.match("https", host, -1, "/")).isNull();
    }

    @Test
    void nullHostOrSchemeDoesNotMatch() {
        assertThat(TABLE.match("https", null, -1, "/")).isNull();
        assertThat(TABLE.match(null, "api.example.com", -1, "/")).isNull();
    }

    @ParameterizedTest(name = "port {0}")
    @ValueSource(ints = {0, -2, 65536, 443 + 65536})
    void portOutsideTheValidRangeDoesNotMatch(int port) {
        assertThat(TABLE.match("https", "api.example.com", port, "/")).isNull();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "https://api.example.com/, api",
        "https://api.example.com, api",
        "https://api.example.com:443/x?y=1, api",
        "HTTPS://API.EXAMPLE.COM./, api",
        "https://Api.Example.Com/admin/../x, api",
        "https://x.partner.example/v1, partner",
        "https://x.partner.example/v1/, partner",
        "https://x.partner.example/v1/orders/7, partner",
        "https://x.partner.example/v1?q=1, partner",
        "https://a.b.c.partner.example/v1, partner",
        "https://x.partner.example/admin/../v1/x, partner",
        "https://x.partner.example/v1/x%2fy, partner",
        "https://10.0.0.5:8080/, local",
        "https://[2001:db8::1]:8443/, local",
        "https://[2001:0DB8:0:0:0:0:0:1]:8443/, local",
        "https://xn--bcher-kva.example/, idn",
        "https://XN--BCHER-KVA.EXAMPLE/, idn",
        "http://legacy.example.com/, legacy",
        "http://legacy.example.com:80/, legacy",
        "https://legacy.example.com/, legacy",
    })
    void requestMatchesItsClient(String url, String client) {
        assertThat(TABLE.match(URI.create(url))).isEqualTo(client);
    }

    @Nested
    class InternationalizedHosts {
        @Test
        void unicodeRequestHostMatchesClientConfiguredInUnicode() throws Exception {
            assertThat(TABLE.match("https", "bücher.example", -1, "/")).isEqualTo("idn");
            assertThat(TABLE.match(new URL("https://BÜCHER.example./x"))).isEqualTo("idn");
        }

        @Test
        void unicodeRequestHostMatchesClientConfiguredInPunycode() throws Exception {
            assertThat(TABLE.match("https", "café.example", -1, "/")).isEqualTo("puny");
            assertThat(TABLE.match(new URL("https://café.example/"))).isEqualTo("puny");
        }

        @Test
        void unicodeRequestHostMatchesTheSameNameConfiguredInPunycode() {
            RouteTable table = RouteTable.of(List.of(
                    Route.parse("books", List.of("xn--bcher-kva.example"), List.of("/"), false)));

            assertThat(table.match("https", "bücher.example", -1, "/")).isEqualTo("books");
            assertThat(table.match("https", "bucher.example", -1, "/")).isNull();
        }

        @Test
        void punycodeRequestHostMatchesClientConfiguredInUnicode() {
            assertThat(TABLE.match("https", "xn--bcher-kva.example", -1, "/")).isEqualTo("idn");
        }

        @Test
        void homographOfAConfiguredHostDoesNotMatch() {
            // Cyrillic 'а' looks like Latin 'a' but is a different IDN label.
            assertThat(TABLE.match("https", CYRILLIC_A + "pi.example.com", -1, "/")).isNull();
            assertThat(TABLE.match("https", "bucher.example", -1, "/")).isNull();
            assertThat(TABLE.match("https", "b\u00fbcher.example", -1, "/")).isNull();
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"straße.example", "api\u00ad.example.org", "api.example\u3002org",
            "\uff41pi.example.org"})
        void unicodeHostThatJavaNetIdnMapsOntoAConfiguredHostDoesNotMatch(String host) {
            // IDNA 2003 maps these onto strasse.example / api.example.org; IDNA 2008 and raw DNS do not.
            assertThat(TABLE.match("https", host, -1, "/")).isNull();
        }
    }

    @Nested
    class SchemesAndPorts {
        private final RouteTable table = RouteTable.of(List.of(
                Route.parse("plain", List.of("plain.example"), List.of("/"), false),
                Route.parse("http-ok", List.of("http-ok.example"), List.of("/"), true),
                Route.parse("custom", List.of("custom.example:8443"), List.of("/"), true)));

        @Test
        void httpsMatchesWithoutPortAndWithDefaultPort() {
            assertThat(table.match("https", "plain.example", -1, "/")).isEqualTo("plain");
            assertThat(table.match("https", "plain.example", 443, "/")).isEqualTo("plain");
        }

        @Test
        void downgradeToHttpOnTheSameHostDoesNotMatchWithoutAllowHttp() {
            assertThat(table.match("http", "plain.example", -1, "/")).isNull();
            assertThat(table.match("http", "plain.example", 443, "/")).isNull();
        }

        @Test
        void httpMatchesOnPort80WhenAllowHttp() {
            assertThat(table.match("http", "http-ok.example", -1, "/")).isEqualTo("http-ok");
            assertThat(table.match("http", "http-ok.example", 80, "/")).isEqualTo("http-ok");
            assertThat(table.match("https", "http-ok.example", -1, "/")).isEqualTo("http-ok");
        }

        @Test
        void hostWithoutPortMatchesOnlyTheDefaultPortOfTheRequestScheme() {
            assertThat(table.match("http", "http-ok.example", 443, "/")).isNull();
            assertThat(table.match("https", "http-ok.example", 80, "/")).isNull();
            assertThat(table.match("https", "plain.example", 8443, "/")).isNull();
        }

        @Test
        void hostWithPortMatchesOnlyThatPortForEitherScheme() {
            assertThat(table.match("https", "custom.example", 8443, "/")).isEqualTo("custom");
            assertThat(table.match("http", "custom.example", 8443, "/")).isEqualTo("custom");
            assertThat(table.match("https", "custom.example", -1, "/")).isNull();
            assertThat(table.match("https", "custom.example", 443, "/")).isNull();
        }

        @Test
        void schemeIsCaseInsensitive() {
            assertThat(table.match("HTTPS", "plain.example", -1, "/")).isEqualTo("plain");
        }
    }

    @Nested
    class Precedence {
        @Test
        void longestPathPrefixWinsAcrossClients() {
            RouteTable table = bothOrders(
                    Route.parse("general", List.of("api.example.com"), List.of("/"), false),
                    Route.parse("admin", List.of("api.example.com"), List.of("/admin"), false));

            assertThat(table.match("https", "api.example.com", -1, "/admin/users")).isEqualTo("admin");
            assertThat(table.match("https", "api.example.com", -1, "/admin")).isEqualTo("admin");
            assertThat(table.match("https", "api.example.com", -1, "/adminx")).isEqualTo("general");
            assertThat(table.match("https", "api.example.com", -1, "/admin/../x")).isEqualTo("general");
        }

        @Test
        void longerPathPrefixOnAWildcardBeatsAnExactHostWithAShorterPrefix() {
            RouteTable table = bothOrders(
                    Route.parse("exact", List.of("api.example.com"), List.of("/"), false),
                    Route.parse("wild-v2", List.of("*.example.com"), List.of("/v2"), false));

            assertThat(table.match("https", "api.example.com", -1, "/v2/x")).isEqualTo("wild-v2");
            assertThat(table.match("https", "api.example.com", -1, "/v1/x")).isEqualTo("exact");
        }

        @Test
        void exactHostBeatsWildcardOnEqualPathPrefix() {
            RouteTable table = bothOrders(
                    Route.parse("wild", List.of("*.example.com"), List.of("/"), false),
                    Route.parse("exact", List.of("api.example.com"), List.of("/"), false));

            assertThat(table.match("https", "api.example.com", -1, "/")).isEqualTo("exact");
            assertThat(table.match("https", "other.example.com", -1, "/")).isEqualTo("wild");
        }

        @Test
        void longerWildcardDomainBeatsShorterOne() {
            RouteTable table = bothOrders(
                    Route.parse("all", List.of("*.example.com"), List.of("/"), false),
                    Route.parse("eu", List.of("*.eu.example.com"), List.of("/"), false));

            assertThat(table.match("https", "api.eu.example.com", -1, "/")).isEqualTo("eu");
            assertThat(table.match("https", "api.us.example.com", -1, "/")).isEqualTo("all");
        }

        @Test
        void explicitPortBeatsTheImpliedDefaultPort() {
            RouteTable table = bothOrders(
                    Route.parse("implied", List.of("api.example.com"), List.of("/"), false),
                    Route.parse("explicit", List.of("api.example.com:443"), List.of("/"), false));

            assertThat(table.match("https", "api.example.com", -1, "/")).isEqualTo("explicit");
        }

        @Test
        void moreSpecificClientThatDisallowsHttpDoesNotHideALessSpecificOneThatAllowsIt() {
            RouteTable table = bothOrders(
                    Route.parse("https-only", List.of("api.example.com"), List.of("/"), false),
                    Route.parse("any", List.of("*.example.com"), List.of("/"), true));

            assertThat(table.match("https", "api.example.com", -1, "/")).isEqualTo("https-only");
            assertThat(table.match("http", "api.example.com", -1, "/")).isEqualTo("any");
        }

        private RouteTable bothOrders(Route first, Route second) {
            RouteTable forward = RouteTable.of(List.of(first, second));
            RouteTable backward = RouteTable.of(List.of(second, first));
            assertThat(forward).hasToString(backward.toString());
            return forward;
        }
    }

    @Nested
    class Construction {
        @Test
        void twoClientsWithTheSameHostAndPathAreRejected() {
            assertThatIllegalArgumentException().isThrownBy(() -> RouteTable.of(List.of(
                            Route.parse("billing", List.of("api.example.com", "x.example"), List.of("/"), false),
                            Route.parse("users", List.of("API.example.com."), List.of("/", "/users"), true))))
                    .withMessageContaining("clients 'billing' and 'users' both list host 'api.example.com'"
                            + " with path '/'")
                    .withMessageContaining("give that host and path to one client");
        }

        @Test
        void oneClientListingAHostTwiceIsAccepted() {
            RouteTable table = RouteTable.of(List.of(
                    Route.parse("billing", List.of("api.example.com", "API.EXAMPLE.COM"), List.of("/"), false)));

            assertThat(table.match("https", "api.example.com", -1, "/")).isEqualTo("billing");
        }

        @Test
        void twoRoutesWithTheSameClientNameAreRejected() {
            assertThatIllegalArgumentException().isThrownBy(() -> RouteTable.of(List.of(
                            Route.parse("billing", List.of("a.example"), List.of("/"), false),
                            Route.parse("billing", List.of("b.example"), List.of("/"), false))))
                    .withMessageContaining("client 'billing' has two routes");
        }

        @Test
        void emptyTableMatchesNothing() {
            RouteTable table = RouteTable.of(Collections.emptyList());

            assertThat(table.match("https", "api.example.com", -1, "/")).isNull();
            assertThat(table.routes()).isEmpty();
        }

        @Test
        void clientWithoutHostsGetsNoRequests() {
            RouteTable table = RouteTable.of(List.of(Route.parse("none", List.of(), List.of("/"), false)));

            assertThat(table.match("https", "api.example.com", -1, "/")).isNull();
        }

        @Test
        void tableIsNotChangedByLaterChangesToTheListsItWasBuiltFrom() {
            List<Route> routes = new ArrayList<>(List.of(Route.parse("a", List.of("a.example"), List.of("/"), false)));
            List<String> hosts = new ArrayList<>(List.of("b.example"));
            Route b = Route.parse("b", hosts, List.of("/"), false);
            RouteTable table = RouteTable.of(routes);

            routes.add(b);
            hosts.add("c.example");

            assertThat(table.match("https", "b.example", -1, "/")).isNull();
            assertThat(table.routes()).hasSize(1);
            assertThat(b.hosts()).hasSize(1);
        }

        @Test
        void toStringListsEntriesMostSpecificFirst() {
            RouteTable table = RouteTable.of(List.of(
                    Route.parse("wild", List.of("*.example.com"), List.of("/"), true),
                    Route.parse("exact", List.of("api.example.com:8443"), List.of("/v1"), false)));

            assertThat(table).hasToString("RouteTable{api.example.com:8443/v1 -> exact (https),"
                    + " *.example.com/ -> wild (https, http)}");
        }
    }

    @Nested
    class FromClientConfig {
        private ClientConfig.Builder client(String name) {
            return ClientConfig.builder(name).tokenUrl(URI.create("https://auth.example/token")).clientId(name);
        }

        @Test
        void routesAreBuiltFromHostsPathsAndAllowHttp() {
            RouteTable table = RouteTable.from(List.of(
                    client("billing").hosts(List.of("billing.example.com")).paths(List.of("/v1")).build(),
                    client("legacy").hosts(List.of("legacy.example.com:8080")).allowHttp(true).build()));

            assertThat(table.match("https", "billing.example.com", -1, "/v1/invoices")).isEqualTo("billing");
            assertThat(table.match("https", "billing.example.com", -1, "/v2/invoices")).isNull();
            assertThat(table.match("http", "legacy.example.com", 8080, "/anything")).isEqualTo("legacy");
            assertThat(table.routes()).extracting(Route::clientName).containsExactly("billing", "legacy");
        }

        @Test
        void invalidHostIsReportedWithTheConfigurationKey() {
            ClientConfig billing = client("billing").hosts(List.of("https://api.example.com")).build();

            assertThatIllegalArgumentException().isThrownBy(() -> RouteTable.from(List.of(billing)))
                    .withMessage("oauth.agent.clients.billing.hosts: host 'https://api.example.com' has a scheme:"
                            + " write the host without scheme, e.g. api.example.com (plain http is enabled per"
                            + " client with allow-http)");
        }

        @Test
        void invalidPathIsReportedWithTheConfigurationKey() {
            ClientConfig billing = client("billing").hosts(List.of("api.example.com")).paths(List.of("v1")).build();

            assertThatIllegalArgumentException().isThrownBy(() -> RouteTable.from(List.of(billing)))
                    .withMessage("oauth.agent.clients.billing.paths: path 'v1' must start with '/': write /v1");
        }

        @Test
        void emptyPathListIsRejected() {
            ClientConfig billing = client("billing").hosts(List.of("api.example.com")).paths(List.of()).build();

            assertThatIllegalArgumentException().isThrownBy(() -> RouteTable.from(List.of(billing)))
                    .withMessageContaining("oauth.agent.clients.billing.paths is empty");
        }
    }

    @Nested
    class UrlAndUriConvenience {
        @Test
        void urlWithUserInfoIsJudgedByItsRealHost() throws Exception {
            assertThat(TABLE.match(new URL("https://api.example.com@evil.com/"))).isNull();
            assertThat(TABLE.match(new URL("https://evil.com@api.example.com/"))).isEqualTo("api");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"https://api.example.com\\@evil.com/", "https://api.example.com:443@evil.com/",
            "https://api.example.com%40evil.com/", "https://api.example.com%2f@evil.com/",
            "https://evil.com\\.api.example.com/"})
        void urlTextThatMentionsAConfiguredHostButConnectsElsewhereDoesNotMatch(String url) throws Exception {
            URL parsed;
            try {
                parsed = new URL(url);
            } catch (java.net.MalformedURLException refused) {
                // Whether java.net.URL accepts '\\' in the authority varies (seen to differ between two runs
                // of one JDK 17 build): a URL the JDK refuses cannot be sent anywhere, so no token can leak.
                return;
            }
            assertThat(TABLE.match(parsed)).isNull();
        }

        @Test
        void uriWithUserInfoIsJudgedByItsRealHost() {
            assertThat(TABLE.match(URI.create("https://api.example.com@evil.com/"))).isNull();
            assertThat(TABLE.match(URI.create("https://evil.com@api.example.com/"))).isEqualTo("api");
        }

        @Test
        void urlWithoutPathIsJudgedAsRootPath() throws Exception {
            assertThat(TABLE.match(new URL("https://api.example.com"))).isEqualTo("api");
            assertThat(TABLE.match(new URL("https://x.partner.example"))).isNull();
        }

        @Test
        void urlPathDotSegmentsAreRemovedBeforeMatching() throws Exception {
            assertThat(TABLE.match(new URL("https://x.partner.example/v1/../admin"))).isNull();
            assertThat(TABLE.match(new URL("https://x.partner.example/v1/ok?next=/../admin"))).isEqualTo("partner");
        }

        @Test
        void ipv6UrlHostInBracketsMatches() throws Exception {
            assertThat(TABLE.match(new URL("https://[2001:db8:0::1]:8443/x"))).isEqualTo("local");
        }

        @Test
        void relativeOpaqueAndNullUrisMatchNothing() {
            assertThat(TABLE.match(URI.create("/relative/path"))).isNull();
            assertThat(TABLE.match(URI.create("mailto:someone@api.example.com"))).isNull();
            assertThat(TABLE.match((URI) null)).isNull();
            assertThat(TABLE.match((URL) null)).isNull();
        }

        @Test
        void uriWhoseHostJavaNetUriCannotParseMatchesNothing() {
            RouteTable table = RouteTable.of(List.of(Route.parse("svc", List.of("my_service"), List.of("/"), false)));

            assertThat(URI.create("https://my_service/").getHost()).isNull();
            assertThat(table.match(URI.create("https://my_service/"))).isNull();
            assertThat(table.match("https", "my_service", -1, "/")).isEqualTo("svc");
        }
    }
    /**
     * The table remembers the canonical form of recent hosts in a few slots. Hosts that share a slot, look alike
     * or differ only in case, a trailing dot or encoding, asked in turn many times over, must each get the answer
     * a table with nothing remembered gives.
     */
    @Test
    void rememberedHostsNeverAnswerForAnotherHost() {
        List<String> hosts = new ArrayList<>(List.of("api.example.com", "API.example.com", "api.example.com.",
                "api.example.com.evil.com", "evilapi.example.com", "x.partner.example", "X.PARTNER.EXAMPLE",
                "10.0.0.5", "010.0.0.5", "[2001:db8::1]", "2001:db8::1", "[2001:db8:0::1]", "b\u00fccher.example",
                "xn--bcher-kva.example", "caf\u00e9.example", "xn--caf-dma.example", "legacy.example.com",
                "api.example.org", "strasse.example", "stra\u00dfe.example", "", "-bad-.example"));
        for (int i = 0; i < 40; i++) {
            hosts.add("host" + i + ".example.com");
        }
        for (int round = 0; round < 3; round++) {
            for (String host : hosts) {
                for (int port : new int[] {-1, 8080, 8443}) {
                    RouteTable fresh = RouteTable.of(TABLE.routes());
                    assertThat(TABLE.match("https", host, port, "/v1/x")).as("%s:%d", host, port)
                            .isEqualTo(fresh.match("https", host, port, "/v1/x"));
                }
            }
        }
    }
}
