package dev.oauthagent.agent.route;

import dev.oauthagent.agent.config.ClientConfig;

import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Decides which configured client, if any, an outgoing request belongs to. This is the check that keeps
 * a token away from every host it is not configured for, so it errs towards "no client".
 *
 * <p>A request matches a client when its scheme is https (or http and the client has
 * {@code allow-http}), its host and port match one of the client's {@link HostPattern}s and its path
 * lies under one of the client's {@link PathPrefix}es. Hosts are compared in normalized form (lower
 * case, no trailing dot, IDN as punycode, canonical IP text, never via DNS); a host that cannot be
 * normalized matches nothing. Schemes other than http and https match nothing.
 *
 * <p>When several clients match, the most specific entry wins: the longest path prefix; on equal
 * length an exact host or IP over a wildcard; between wildcards the longer domain; then a pattern with
 * an explicit port over one without. Two different clients with the same host pattern and path prefix
 * would be a tie, so building such a table fails.
 *
 * <p>Immutable and thread-safe. {@link #match(String, String, int, String)} runs on every outgoing
 * request of the application: it scans a small pre-sorted array, uses no regular expressions and,
 * for a host already in canonical form and a path without dot segments or percent signs, allocates
 * nothing.
 */
public final class RouteTable {
    private static final int HTTP_PORT = 80;
    static final int HTTPS_PORT = 443;
    static final int MAX_PORT = 65535;

    /** Slots of {@link #canonicalHosts}: a power of two, more than the hosts a typical app calls in turn. */
    private static final int HOST_MEMO_SLOTS = 16;

    private final List<Route> routes;
    private final RouteEntry[] entries;
    /**
     * The canonical form of recently requested hosts, by hash: an application calls the same few hosts over and
     * over, and normalising one (IP literal, IDN and label checks) was the largest part of a decision. Slots are
     * written racily with immutable pairs, so a reader sees a whole pair or an older one, never a torn one.
     */
    private final HostMemo[] canonicalHosts = new HostMemo[HOST_MEMO_SLOTS];

    private RouteTable(List<Route> routes) {
        this.routes = Collections.unmodifiableList(new ArrayList<>(routes));
        List<RouteEntry> all = new ArrayList<>();
        for (Route route : routes) {
            for (HostPattern host : route.hosts()) {
                for (PathPrefix path : route.paths()) {
                    all.add(new RouteEntry(route, host, path));
                }
            }
        }
        rejectTies(all);
        RouteEntry[] sorted = all.toArray(new RouteEntry[0]);
        Arrays.sort(sorted, RouteEntry.MOST_SPECIFIC_FIRST); // stable: ties within one client keep their order
        this.entries = sorted;
    }

    /**
     * @throws IllegalArgumentException if two different clients claim the same host pattern and path
     *     prefix, or two routes have the same client name
     */
    public static RouteTable of(List<Route> routes) {
        for (int i = 0; i < routes.size(); i++) {
            for (int j = i + 1; j < routes.size(); j++) {
                if (routes.get(i).clientName().equals(routes.get(j).clientName())) {
                    throw new IllegalArgumentException("client '" + routes.get(i).clientName()
                            + "' has two routes: give each client one route");
                }
            }
        }
        return new RouteTable(routes);
    }

    /**
     * The table for the configured clients, from each client's {@code hosts}, {@code paths} and
     * {@code allow-http}.
     *
     * @throws IllegalArgumentException naming the configuration key, if a host or path is invalid or two
     *     clients claim the same host and path
     */
    public static RouteTable from(List<ClientConfig> clients) {
        List<Route> routes = new ArrayList<>(clients.size());
        for (ClientConfig client : clients) {
            routes.add(Route.parse(client.name(), client.hosts(), client.paths(), client.allowHttp()));
        }
        return of(routes);
    }

    private static void rejectTies(List<RouteEntry> entries) {
        for (int i = 0; i < entries.size(); i++) {
            for (int j = i + 1; j < entries.size(); j++) {
                RouteEntry a = entries.get(i);
                RouteEntry b = entries.get(j);
                if (!a.clientName.equals(b.clientName) && a.sameTargetAs(b)) {
                    throw new IllegalArgumentException("clients '" + a.clientName + "' and '" + b.clientName
                            + "' both list host '" + a.host + "' with path '" + a.path + "': a request there"
                            + " could get either token; give that host and path to one client (oauth.agent.clients."
                            + b.clientName + ".hosts / .paths)");
                }
            }
        }
    }

    /**
     * The name of the client whose token this request should carry, or null for none.
     *
     * @param scheme the URL scheme, e.g. "https" (case-insensitive)
     * @param host the host as parsed from the URL ({@code URL.getHost()} / {@code URI.getHost()}), IPv6 with
     *     or without brackets; never the URL text
     * @param port the port, or -1 for the scheme's default
     * @param rawPath the path as sent, percent-encoding intact; may include {@code ?query}/{@code #fragment},
     *     which are ignored; null or empty means {@code /}
     */
    public String match(String scheme, String host, int port, String rawPath) {
        return match(scheme, host, port, rawPath == null ? "" : rawPath, 0);
    }

    /**
     * {@link #match(String, String, int, String)} with the raw path read from {@code text} at {@code pathStart} on: for
     * a client that keeps a hop's URL or request target as one text, so that the path need not be cut out of it.
     *
     * @param pathStart where the path (or, when there is none, the query) starts; {@code text.length()} for none
     */
    public String match(String scheme, String host, int port, String text, int pathStart) {
        int defaultPort = defaultPort(scheme);
        if (defaultPort < 0) {
            return null;
        }
        int effectivePort = port == -1 ? defaultPort : port;
        if (effectivePort < 1 || effectivePort > MAX_PORT) {
            return null;
        }
        String normalizedHost = canonical(host);
        if (normalizedHost == null) {
            return null;
        }
        boolean https = defaultPort == HTTPS_PORT;
        for (RouteEntry entry : entries) {
            if ((https || entry.allowHttp)
                    && entry.host.matches(normalizedHost, effectivePort, defaultPort)
                    && RequestPath.matches(entry.path, text, pathStart)) {
                return entry.clientName;
            }
        }
        return null;
    }

    /**
     * The client one of whose hosts is {@code host} on {@code port} for some scheme and path, or null: for a
     * connection seen being opened, before any request (its scheme and path are unknown). A pattern with a port
     * matches that port; one without matches 443, and 80 for a client with {@code allow-http}. Allocates nothing
     * for a host already in canonical form.
     */
    public String clientForEndpoint(String host, int port) {
        String normalizedHost = canonical(host);
        if (normalizedHost == null) {
            return null;
        }
        for (RouteEntry entry : entries) {
            if ((entry.host.matchesPort(port, HTTPS_PORT) || entry.allowHttp && entry.host.matchesPort(port, HTTP_PORT))
                    && entry.host.matchesHost(normalizedHost)) {
                return entry.clientName;
            }
        }
        return null;
    }

    /** {@link HostNormalizer#normalizeRequested}, remembered per host text (a pure function of it). */
    String canonical(String host) {
        if (host == null) {
            return null;
        }
        int slot = host.hashCode() & (HOST_MEMO_SLOTS - 1);
        HostMemo memo = canonicalHosts[slot];
        if (memo != null && memo.requested.equals(host)) {
            return memo.canonical;
        }
        String canonical = HostNormalizer.normalizeRequested(host);
        canonicalHosts[slot] = new HostMemo(host, canonical);
        return canonical;
    }

    /** {@link #match(String, String, int, String)} for a {@link URL}, using its parsed host. */
    public String match(URL url) {
        return url == null ? null : match(url.getProtocol(), url.getHost(), url.getPort(), url.getPath());
    }

    /**
     * {@link #match(String, String, int, String)} for a {@link URI}, using its parsed host. Relative and
     * opaque URIs match nothing, and so do hosts {@code URI} cannot parse as a server name (it returns no
     * host for names with '_', for example).
     */
    public String match(URI uri) {
        if (uri == null || uri.isOpaque() || uri.getHost() == null) {
            return null;
        }
        return match(uri.getScheme(), uri.getHost(), uri.getPort(), uri.getRawPath());
    }

    /** 443 for https, 80 for http (any case), -1 for any other scheme: it matches no client. */
    static int defaultPort(String scheme) {
        if ("https".equalsIgnoreCase(scheme)) {
            return HTTPS_PORT;
        }
        if ("http".equalsIgnoreCase(scheme)) {
            return HTTP_PORT;
        }
        return -1;
    }

    /** The routes this table was built from, in the order given. */
    public List<Route> routes() {
        return routes;
    }

    /** A requested host and its canonical form (null: it has none and matches nothing). */
    private static final class HostMemo {
        final String requested;
        final String canonical;

        HostMemo(String requested, String canonical) {
            this.requested = requested;
            this.canonical = canonical;
        }
    }

    /** One line per (host, path) entry, most specific first: the order in which requests are judged. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("RouteTable{");
        for (int i = 0; i < entries.length; i++) {
            out.append(i == 0 ? "" : ", ").append(entries[i]);
        }
        return out.append('}').toString();
    }
}
