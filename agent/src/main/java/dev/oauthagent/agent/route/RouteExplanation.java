package dev.oauthagent.agent.route;

import dev.oauthagent.agent.config.DidYouMean;

import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Why a request gets a client's token, or none: the client it matches, or else the client whose route comes
 * nearest and exactly which parts of the request (scheme, host, port, path) differ from it, each with the
 * {@code hosts}, {@code paths} or {@code allow-http} value that would make it match. Used by
 * {@code check --url} and by the debug line an unmatched origin gets, so both say the same. Not on the request
 * path: it allocates freely.
 *
 * <p>Nearest: the (host pattern, path prefix) entry with the fewest differing parts, a differing host weighing
 * most, then the port, the scheme and the path (a client on the same host and port is nearer than one on
 * another host whatever the path); between entries whose host differs, the host spelled most alike.
 *
 * <p>It shows the request as scheme, host, port and the first path segment only: the rest of a path, the query
 * and user info may hold credentials of the application's.
 */
public final class RouteExplanation {
    private static final int HOST_WEIGHT = 8;
    private static final int PORT_WEIGHT = 4;
    private static final int SCHEME_WEIGHT = 2;
    private static final int PATH_WEIGHT = 1;

    private final String request;
    private final String matchedClient;
    private final String nearestClient;
    private final List<String> differences;

    private RouteExplanation(String request, String matchedClient, String nearestClient, List<String> differences) {
        this.request = request;
        this.matchedClient = matchedClient;
        this.nearestClient = nearestClient;
        this.differences = Collections.unmodifiableList(differences);
    }

    public static RouteExplanation of(RouteTable table, URI uri) {
        if (uri.isOpaque() || uri.getHost() == null) {
            return none(String.valueOf(uri.getScheme()) + ":…", "it names no host the agent can read");
        }
        return of(table, uri.getScheme(), uri.getHost(), uri.getPort(), uri.getRawPath());
    }

    public static RouteExplanation of(RouteTable table, URL url) {
        return of(table, url.getProtocol(), url.getHost(), url.getPort(), url.getPath());
    }

    /** The parts of a request as {@link RouteTable#match(String, String, int, String)} takes them. */
    public static RouteExplanation of(RouteTable table, String scheme, String host, int port, String rawPath) {
        String shown = shown(scheme, host, port, rawPath);
        int defaultPort = RouteTable.defaultPort(scheme);
        if (defaultPort < 0) {
            return none(shown, "the scheme is not http or https: the agent adds tokens to http(s) requests only");
        }
        int effectivePort = port == -1 ? defaultPort : port;
        if (effectivePort < 1 || effectivePort > RouteTable.MAX_PORT) {
            return none(shown, "the port is out of range (1-" + RouteTable.MAX_PORT + ")");
        }
        String normalizedHost = host == null ? null : table.canonical(host);
        if (normalizedHost == null) {
            return none(shown, "the host is not a valid host name or IP address, so it can match no client");
        }
        String matched = table.match(scheme, host, port, rawPath);
        if (matched != null) {
            return new RouteExplanation(shown, matched, null, new ArrayList<String>());
        }
        Request request = new Request(defaultPort == RouteTable.HTTPS_PORT, normalizedHost, effectivePort,
                defaultPort, rawPath);
        Candidate nearest = null;
        for (Route route : table.routes()) {
            for (HostPattern hostPattern : route.hosts()) {
                for (PathPrefix path : route.paths()) {
                    Candidate candidate = new Candidate(route, hostPattern, path, request);
                    if (nearest == null || candidate.isNearerThan(nearest)) {
                        nearest = candidate;
                    }
                }
            }
        }
        if (nearest == null) {
            return none(shown, table.routes().isEmpty() ? "no clients are configured"
                    : "no client lists any hosts (oauth.agent.clients.<name>.hosts)");
        }
        return new RouteExplanation(shown, null, nearest.route.clientName(), nearest.differences(request));
    }

    private static RouteExplanation none(String shown, String reason) {
        List<String> differences = new ArrayList<>();
        differences.add(reason);
        return new RouteExplanation(shown, null, null, differences);
    }

    /** The client whose token the request carries, or null. */
    public String matchedClient() {
        return matchedClient;
    }

    /** When nothing matched: the client that comes nearest, or null when none comes near at all. */
    public String nearestClient() {
        return nearestClient;
    }

    /**
     * When nothing matched: one sentence per differing part, each starting with the part ("port: ..."), or a
     * single reason why no client could match; empty when a client matched.
     */
    public List<String> differences() {
        return differences;
    }

    /** The request as shown in messages: scheme, host, port and first path segment. */
    public String request() {
        return request;
    }

    /** All of it on one line, for a log. */
    public String summary() {
        if (matchedClient != null) {
            return request + " carries the token of client '" + matchedClient + "'";
        }
        StringBuilder line = new StringBuilder("no client's token goes to ").append(request);
        if (nearestClient != null) {
            line.append("; nearest client '").append(nearestClient).append("'");
        }
        for (String difference : differences) {
            line.append("; ").append(difference);
        }
        return line.toString();
    }

    @Override
    public String toString() {
        return summary();
    }

    private static String shown(String scheme, String host, int port, String rawPath) {
        String shownHost = host == null ? "(no host)"
                : host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
        return scheme + "://" + shownHost + (port == -1 ? "" : ":" + port) + firstSegment(rawPath)
                + (hasMoreThanFirstSegment(rawPath) ? "/…" : "");
    }

    /** "/api" for "/api/v1/x?q", "/" for an empty path. */
    static String firstSegment(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return "/";
        }
        int end = 1;
        while (end < rawPath.length() && "/?#".indexOf(rawPath.charAt(end)) < 0) {
            end++;
        }
        return rawPath.substring(0, end);
    }

    private static boolean hasMoreThanFirstSegment(String rawPath) {
        String first = firstSegment(rawPath);
        return rawPath != null && rawPath.length() > first.length() && rawPath.charAt(first.length()) == '/'
                && rawPath.length() > first.length() + 1;
    }

    private static String key(Route route, String key) {
        return "oauth.agent.clients." + route.clientName() + "." + key;
    }

    /** The parts of the request a route is compared with. */
    private static final class Request {
        final boolean https;
        final String host;
        final int port;
        final int defaultPort;
        final String rawPath;

        Request(boolean https, String host, int port, int defaultPort, String rawPath) {
            this.https = https;
            this.host = host;
            this.port = port;
            this.defaultPort = defaultPort;
            this.rawPath = rawPath;
        }

        /** The request's host in {@code hosts} syntax, with its port unless that is the scheme's default. */
        String asHostsEntry() {
            String name = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
            return port == defaultPort ? name : name + ":" + port;
        }
    }

    /** One (host pattern, path prefix) entry of a route, compared part by part with the request. */
    private static final class Candidate {
        final Route route;
        final HostPattern hostPattern;
        final PathPrefix path;
        final boolean schemeOk;
        final boolean hostOk;
        final boolean portOk;
        final boolean pathOk;
        final int weight;
        final int hostDistance;

        Candidate(Route route, HostPattern hostPattern, PathPrefix path, Request request) {
            this.route = route;
            this.hostPattern = hostPattern;
            this.path = path;
            this.schemeOk = request.https || route.allowHttp();
            this.hostOk = hostPattern.matchesHost(request.host);
            this.portOk = hostPattern.matchesPort(request.port, request.defaultPort);
            this.pathOk = RequestPath.matches(path, request.rawPath);
            this.weight = (hostOk ? 0 : HOST_WEIGHT) + (portOk ? 0 : PORT_WEIGHT) + (schemeOk ? 0 : SCHEME_WEIGHT)
                    + (pathOk ? 0 : PATH_WEIGHT);
            this.hostDistance = hostOk ? 0 : DidYouMean.distance(request.host, hostPattern.host());
        }

        boolean isNearerThan(Candidate other) {
            return weight != other.weight ? weight < other.weight : hostDistance < other.hostDistance;
        }

        List<String> differences(Request request) {
            List<String> lines = new ArrayList<>();
            if (!schemeOk) {
                lines.add("scheme: the request is plain http, which client '" + route.clientName() + "' does not"
                        + " get (its token would travel unencrypted): call https, or for testing set "
                        + key(route, "allow-http") + "=true");
            }
            if (!hostOk) {
                lines.add(hostDifference(request));
            }
            if (!portOk) {
                lines.add("port: the request goes to port " + request.port + ", and '" + hostPattern + "' in "
                        + key(route, "hosts") + " matches only port " + patternPort(request)
                        + "; to send it this client's token, add "
                        + hostPattern.withPort(request.port == request.defaultPort ? HostPattern.DEFAULT_PORT
                                : request.port) + " to " + key(route, "hosts"));
            }
            if (!pathOk) {
                String prefix = firstSegment(request.rawPath);
                lines.add("path: " + prefix + (hasMoreThanFirstSegment(request.rawPath) ? "/…" : "")
                        + " is under none of " + key(route, "paths") + "=" + join(route.paths())
                        + "; to send it this client's token, add " + prefix + " (a prefix matches whole segments)");
            }
            return lines;
        }

        private String hostDifference(Request request) {
            if (hostPattern.isWildcard() && hostPattern.host().equals(request.host)) {
                return "host: '" + hostPattern.withPort(HostPattern.DEFAULT_PORT) + "' in " + key(route, "hosts")
                        + " matches the subdomains of " + request.host + ", not " + request.host
                        + " itself; to send it this client's token, add " + request.asHostsEntry() + " to "
                        + key(route, "hosts");
            }
            return "host: the request goes to " + request.host + ", which none of " + key(route, "hosts") + "="
                    + join(route.hosts()) + " matches (nearest: " + hostPattern.withPort(HostPattern.DEFAULT_PORT)
                    + "); to send it this client's token, add " + request.asHostsEntry() + " to "
                    + key(route, "hosts");
        }

        private String patternPort(Request request) {
            return hostPattern.port() != HostPattern.DEFAULT_PORT ? Integer.toString(hostPattern.port())
                    : request.defaultPort + " (the " + (request.https ? "https" : "http")
                            + " default: the entry names no port)";
        }

        private static String join(List<?> values) {
            StringBuilder out = new StringBuilder();
            for (Object value : values) {
                out.append(out.length() == 0 ? "" : ",").append(value);
            }
            return out.toString();
        }
    }
}
