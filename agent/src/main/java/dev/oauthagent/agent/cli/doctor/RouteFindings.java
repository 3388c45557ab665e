package dev.oauthagent.agent.cli.doctor;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.route.HostPattern;
import dev.oauthagent.agent.route.PathPrefix;
import dev.oauthagent.agent.route.Route;
import dev.oauthagent.agent.route.RouteTable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which requests get each client's token, and which requests two clients could both claim. Configuration already
 * refuses two clients with the same host pattern and nested paths; what remains are different patterns that can
 * match one request ({@code api.example.com} and {@code *.example.com}, {@code host} and {@code host:443}). The
 * route table settles those by its specificity rules, so they work, but silently: each is a warning naming an
 * example request, the client that wins it (asked of the real {@link RouteTable}, so it cannot disagree with the
 * agent) and how to make the choice explicit.
 */
final class RouteFindings {
    static final String ROUTES = "routes";
    static final String OVERLAP = "route-overlap";
    private static final int HTTPS_PORT = 443;
    private static final int HTTP_PORT = 80;

    private final Map<String, List<Finding>> byClient = new LinkedHashMap<>();

    /** @param clients the active clients, whose routes configuration has checked */
    RouteFindings(List<ClientConfig> clients) {
        List<Route> routes = new ArrayList<>();
        for (ClientConfig client : clients) {
            Route route = Route.parse(client.name(), client.hosts(), client.paths(), client.allowHttp());
            routes.add(route);
            byClient.put(client.name(), new ArrayList<Finding>());
            byClient.get(client.name()).add(routes(route));
        }
        RouteTable table = RouteTable.of(routes);
        for (int i = 0; i < routes.size(); i++) {
            for (int j = i + 1; j < routes.size(); j++) {
                Finding overlap = overlap(routes.get(i), routes.get(j), table);
                if (overlap != null) {
                    byClient.get(routes.get(i).clientName()).add(overlap);
                    byClient.get(routes.get(j).clientName()).add(overlap);
                }
            }
        }
    }

    /** The findings about {@code client}'s routes; empty for a client not given. */
    List<Finding> of(String client) {
        List<Finding> findings = byClient.get(client);
        return findings == null ? Collections.<Finding>emptyList() : findings;
    }

    private static Finding routes(Route route) {
        if (route.hosts().isEmpty()) {
            return Finding.warn(ROUTES, "no request gets its token: it lists no hosts", "list the hosts the"
                    + " application calls with this client's token in " + key(route, "hosts"));
        }
        List<String> targets = new ArrayList<>();
        for (HostPattern host : route.hosts()) {
            for (PathPrefix path : route.paths()) {
                targets.add(host + (path.isRoot() ? "" : path.value()));
            }
        }
        return Finding.ok(ROUTES, "its token goes to requests to " + String.join(", ", targets) + " over "
                + (route.allowHttp() ? "https and plain http" : "https") + (onlyRoot(route) ? ", any path" : ""));
    }

    private static boolean onlyRoot(Route route) {
        return route.paths().size() == 1 && route.paths().get(0).isRoot();
    }

    /** The first request both routes can match, as a warning; null when there is none. */
    private static Finding overlap(Route a, Route b, RouteTable table) {
        for (HostPattern hostA : a.hosts()) {
            for (HostPattern hostB : b.hosts()) {
                for (PathPrefix pathA : a.paths()) {
                    for (PathPrefix pathB : b.paths()) {
                        SampleRequest request = SampleRequest.of(hostA, hostB, pathA, pathB,
                                a.allowHttp() && b.allowHttp());
                        if (request != null) {
                            String winner = table.match(request.scheme, request.host, request.port, request.path);
                            return overlapFinding(a, hostA, pathA, b, hostB, pathB, request, winner);
                        }
                    }
                }
            }
        }
        return null;
    }

    private static Finding overlapFinding(Route a, HostPattern hostA, PathPrefix pathA, Route b, HostPattern hostB,
            PathPrefix pathB, SampleRequest request, String winner) {
        String loser = a.clientName().equals(winner) ? b.clientName() : a.clientName();
        Route losing = a.clientName().equals(winner) ? b : a;
        return Finding.warn(OVERLAP, "clients '" + a.clientName() + "' (" + hostA + pathA.value() + ") and '"
                + b.clientName() + "' (" + hostB + pathB.value() + ") can both match a request such as " + request
                + "; by the route table's rules (the longest path prefix, then an exact host over a wildcard, then"
                + " the longer wildcard domain, then a host with a port) it gets the token of '" + winner + "'",
                "if '" + winner + "' is meant to get such requests, make it explicit: list in " + key(losing, "hosts")
                + " and " + key(losing, "paths") + " only what '" + loser + "' calls, so that no request matches"
                + " both; otherwise narrow the routes of '" + winner + "'");
    }

    private static String key(Route route, String name) {
        return "oauth.agent.clients." + route.clientName() + "." + name;
    }

    /** One request two (host, path) pairs both match, if there is one. */
    private static final class SampleRequest {
        final String scheme;
        final String host;
        final int port;
        final String path;

        private SampleRequest(String scheme, String host, int port, String path) {
            this.scheme = scheme;
            this.host = host;
            this.port = port;
            this.path = path;
        }

        static SampleRequest of(HostPattern a, HostPattern b, PathPrefix pathA, PathPrefix pathB,
                boolean bothAllowHttp) {
            String host = commonHost(a, b);
            if (host == null || !pathA.overlaps(pathB)) {
                return null;
            }
            String path = pathA.value().length() >= pathB.value().length() ? pathA.value() : pathB.value();
            int portA = a.port();
            int portB = b.port();
            if (portA == portB) {
                return portA == HostPattern.DEFAULT_PORT ? new SampleRequest("https", host, -1, path)
                        : new SampleRequest("https", host, portA, path);
            }
            int explicit = portA == HostPattern.DEFAULT_PORT ? portB : portB == HostPattern.DEFAULT_PORT ? portA : -1;
            if (explicit == HTTPS_PORT) {
                return new SampleRequest("https", host, HTTPS_PORT, path);
            }
            return explicit == HTTP_PORT && bothAllowHttp ? new SampleRequest("http", host, HTTP_PORT, path) : null;
        }

        /** A host both patterns match, or null. */
        private static String commonHost(HostPattern a, HostPattern b) {
            if (!a.isWildcard() && !b.isWildcard()) {
                return a.host().equals(b.host()) ? a.host() : null;
            }
            if (a.isWildcard() && b.isWildcard()) {
                String longer = a.host().length() >= b.host().length() ? a.host() : b.host();
                String shorter = longer.equals(a.host()) ? b.host() : a.host();
                return longer.equals(shorter) || longer.endsWith("." + shorter) ? "a." + longer : null;
            }
            HostPattern exact = a.isWildcard() ? b : a;
            HostPattern wildcard = a.isWildcard() ? a : b;
            return exact.host().endsWith("." + wildcard.host()) ? exact.host() : null;
        }

        @Override
        public String toString() {
            String shownHost = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
            return scheme + "://" + shownHost + (port == -1 ? "" : ":" + port) + path;
        }
    }
}
