package dev.oauthagent.agent.route;

import java.util.Comparator;

/** One (host pattern, path prefix) pair of a {@link Route}: the unit {@link RouteTable} scans. */
final class RouteEntry {
    /**
     * Most specific first, so that the first entry that matches a request is the one that wins: longest
     * path prefix, then an exact host (or IP) before a wildcard, then the longer wildcard domain, then a
     * pattern with an explicit port before one that relies on the scheme's default port.
     */
    static final Comparator<RouteEntry> MOST_SPECIFIC_FIRST = new Comparator<RouteEntry>() {
        @Override
        public int compare(RouteEntry a, RouteEntry b) {
            int byPath = Integer.compare(b.path.value().length(), a.path.value().length());
            if (byPath != 0) {
                return byPath;
            }
            int byExactness = Boolean.compare(a.host.isWildcard(), b.host.isWildcard());
            if (byExactness != 0) {
                return byExactness;
            }
            int byDomain = Integer.compare(b.host.host().length(), a.host.host().length());
            if (byDomain != 0) {
                return byDomain;
            }
            return Boolean.compare(a.host.port() == HostPattern.DEFAULT_PORT,
                    b.host.port() == HostPattern.DEFAULT_PORT);
        }
    };

    final String clientName;
    final HostPattern host;
    final PathPrefix path;
    final boolean allowHttp;

    RouteEntry(Route route, HostPattern host, PathPrefix path) {
        this.clientName = route.clientName();
        this.host = host;
        this.path = path;
        this.allowHttp = route.allowHttp();
    }

    /** Same host pattern and path prefix: a request that matches one matches the other. */
    boolean sameTargetAs(RouteEntry other) {
        return host.equals(other.host) && path.equals(other.path);
    }

    @Override
    public String toString() {
        return host + path.value() + " -> " + clientName + (allowHttp ? " (https, http)" : " (https)");
    }
}
