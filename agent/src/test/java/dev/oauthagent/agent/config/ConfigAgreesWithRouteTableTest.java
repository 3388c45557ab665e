package dev.oauthagent.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.agent.route.HostPattern;
import dev.oauthagent.agent.route.PathPrefix;
import dev.oauthagent.agent.route.Route;
import dev.oauthagent.agent.route.RouteTable;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The configuration loader and {@link RouteTable} must agree on what a host and a path prefix are: an entry
 * the loader accepts must build a route table, and an entry the loader refuses must be one the table
 * refuses too (so that neither is looser than the other).
 */
class ConfigAgreesWithRouteTableTest {
    /** Valid and invalid host entries, including every spelling the two parsers once disagreed on. */
    static Stream<String> hostEntries() {
        return Stream.of("api.example.com", "API.Example.COM", "api.example.com.", "api.example.com..",
                "localhost", "localhost:8443", "my_service:9000", "-lead.example.com", "api..example.com",
                "*.example.com", "*.example.com:8443", "*.Example.COM.", "*.co.uk", "*.com", "*", "*.*.example.com",
                "a*.example.com", "api.*.com", "*.10.0.0.1", "10.0.0.1", "10.0.0.1:80", "010.0.0.1", "10.0.0.256",
                "1.2.3", "[::1]", "[::1]:9000", "[2001:DB8:0:0:0:0:0:1]:8443", "[fe80::1%eth0]", "[::1", "[zz::1]",
                "::1", "2001:db8::1", "bücher.example", "*.bücher.example", "xn--bcher-kva.example",
                "straße.example",
                "api.example.com:", "api.example.com:0", "api.example.com:65535", "api.example.com:65536",
                "api.example.com:70000", "api.example.com:abc", ":8443", "https://api.example.com",
                "api.example.com/v1", "api.example.com?x", "api.example.com#x", "exa mple.com", "a\\b.example.com",
                "api.exa$mple.com", "a".repeat(64) + ".example.com");
    }

    /** Valid and invalid path entries. */
    static Stream<String> pathEntries() {
        return Stream.of("/", "//", "/api", "/api/", "/api//", "/API/v1", "/a;b", "/%7Euser", "/api/...", "api/",
                "/api?x", "/api#x", "/a b", "/a\\b", "/a%2Fb", "/a%5cb", "/a/./b", "/a/../b", "/..", "/.");
    }

    @ParameterizedTest(name = "[{0}]")
    @MethodSource("hostEntries")
    void loaderAcceptsAHostEntryExactlyWhenTheRouteTableDoes(String host) throws ConfigException {
        assertLoaderAgreesWithRouteTable("hosts", host, HostPattern::parse, ClientConfig::hosts);
    }

    @ParameterizedTest(name = "[{0}]")
    @MethodSource("pathEntries")
    void loaderAcceptsAPathEntryExactlyWhenTheRouteTableDoes(String path) throws ConfigException {
        assertLoaderAgreesWithRouteTable("paths", path, PathPrefix::parse, ClientConfig::paths);
    }

    /**
     * {@code parse} is what {@link Route#parse} (and so {@link RouteTable#from}) applies to each entry: the
     * loader must refuse exactly what it refuses, and store what it accepts in a form that parses back equal.
     */
    private static void assertLoaderAgreesWithRouteTable(String key, String entry, Function<String, Object> parse,
            Function<ClientConfig, List<String>> stored) throws ConfigException {
        ConfigInput input = ConfigInput.withValidClient("billing").sys("clients.billing." + key, entry);
        Object parsed;
        try {
            parsed = parse.apply(entry);
        } catch (IllegalArgumentException refusedByRouteTable) {
            assertThat(input.problemsOf("clients.billing." + key)).hasSize(1);
            return;
        }
        List<String> texts = stored.apply(input.load().config().client("billing"));
        assertThat(texts).containsExactly(parsed.toString());
        assertThat(parse.apply(texts.get(0))).isEqualTo(parsed);
    }

    /**
     * Every pair of clients over a few spellings of hosts and paths: whatever the loader accepts builds a
     * table, and whatever the table refuses as a tie the loader reports naming both clients.
     */
    @Test
    void twoClientsLoadExactlyWhenTheirHostsAndPathsDoNotOverlapAndAlwaysBuildATable() throws ConfigException {
        List<String> hosts = List.of("api.example.com", "API.Example.com.", "api.example.com:443", "*.example.com",
                "[::1]", "[0:0::1]", "bücher.example", "xn--bcher-kva.example");
        List<String> paths = List.of("/", "/api", "/api/", "/apix", "/api/v1");
        int loaded = 0;
        int refused = 0;
        for (String hostA : hosts) {
            for (String hostB : hosts) {
                for (String pathA : paths) {
                    for (String pathB : paths) {
                        ConfigInput input = ConfigInput.twoClients(hostA, pathA, hostB, pathB);
                        boolean overlap = HostPattern.parse(hostA).equals(HostPattern.parse(hostB))
                                && PathPrefix.parse(pathA).overlaps(PathPrefix.parse(pathB));
                        boolean tie = !accepts(() -> RouteTable.of(List.of(
                                Route.parse("billing", List.of(hostA), List.of(pathA), false),
                                Route.parse("reports", List.of(hostB), List.of(pathB), false))));
                        String scenario = hostA + pathA + " / " + hostB + pathB;
                        assertThat(!tie || overlap).as("a tie is an overlap: %s", scenario).isTrue();
                        if (overlap) {
                            assertThat(input.problemsOf("clients.reports.hosts")).as(scenario).singleElement()
                                    .extracting(ConfigProblem::message).asString().contains("'billing'", "'reports'");
                            refused++;
                        } else {
                            input.load(); // ConfigInput.load() also builds the route table
                            loaded++;
                        }
                    }
                }
            }
        }
        assertThat(loaded).isPositive();
        assertThat(refused).isPositive();
    }

    @Test
    void everyInvalidHostAndPathEntryIsReportedAtOnce() {
        ConfigException e = ConfigInput.withValidClient("billing")
                .sys("clients.billing.hosts", "https://a.example.com, ok.example.com, *.com, b.example.com:0")
                .sys("clients.billing.paths", "/ok, api, /a?b").failure();

        List<String> messages = e.problems().stream().map(p -> p.key() + ": " + p.message())
                .collect(Collectors.toList());
        assertThat(messages).hasSize(5);
        assertThat(messages).filteredOn(m -> m.startsWith("oauth.agent.clients.billing.hosts: ")).hasSize(3)
                .anySatisfy(m -> assertThat(m).contains("'https://a.example.com'", "scheme"))
                .anySatisfy(m -> assertThat(m).contains("'*.com'", "two labels"))
                .anySatisfy(m -> assertThat(m).contains("'b.example.com:0'", "out of range"));
        assertThat(messages).filteredOn(m -> m.startsWith("oauth.agent.clients.billing.paths: ")).hasSize(2)
                .anySatisfy(m -> assertThat(m).contains("'api'", "must start with '/'"))
                .anySatisfy(m -> assertThat(m).contains("'/a?b'", "query"));
    }

    @Test
    void spellingsOfOneHostOrPathAreStoredOnceInNormalizedForm() throws ConfigException {
        ClientConfig client = ConfigInput.withValidClient("billing")
                .sys("clients.billing.hosts",
                        "API.example.com, api.example.com., bücher.example, xn--bcher-kva.example")
                .sys("clients.billing.paths", "/api/, /api, /v2//").load().config().client("billing");

        assertThat(client.hosts()).containsExactly("api.example.com", "xn--bcher-kva.example");
        assertThat(client.paths()).containsExactly("/api", "/v2");
    }

    private static boolean accepts(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
