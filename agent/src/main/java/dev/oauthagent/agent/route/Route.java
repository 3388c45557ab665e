package dev.oauthagent.agent.route;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Which requests one client's token is for: any of its host patterns, combined with any of its path
 * prefixes, over https, and over plain http too only if {@code allowHttp}. Immutable.
 */
public final class Route {
    private final String clientName;
    private final List<HostPattern> hosts;
    private final List<PathPrefix> paths;
    private final boolean allowHttp;

    /**
     * @param hosts may be empty: the client then gets no requests
     * @param paths at least one prefix ({@link PathPrefix#ROOT} for every path)
     */
    public Route(String clientName, List<HostPattern> hosts, List<PathPrefix> paths, boolean allowHttp) {
        if (clientName == null || clientName.isEmpty()) {
            throw new IllegalArgumentException("client name is empty");
        }
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("oauth.agent.clients." + clientName + ".paths is empty: write / for"
                    + " every path, or prefixes such as /api");
        }
        this.clientName = clientName;
        this.hosts = Collections.unmodifiableList(new ArrayList<>(hosts));
        this.paths = Collections.unmodifiableList(new ArrayList<>(paths));
        this.allowHttp = allowHttp;
    }

    /**
     * Parses the configured {@code hosts} and {@code paths} of client {@code clientName}.
     *
     * @throws IllegalArgumentException naming the configuration key, e.g.
     *     "oauth.agent.clients.billing.hosts: host 'https://api.example.com' has a scheme: ..."
     */
    public static Route parse(String clientName, List<String> hosts, List<String> paths, boolean allowHttp) {
        List<HostPattern> hostPatterns = new ArrayList<>(hosts.size());
        for (String host : hosts) {
            try {
                hostPatterns.add(HostPattern.parse(host));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(key(clientName, "hosts") + e.getMessage(), e);
            }
        }
        List<PathPrefix> pathPrefixes = new ArrayList<>(paths.size());
        for (String path : paths) {
            try {
                pathPrefixes.add(PathPrefix.parse(path));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(key(clientName, "paths") + e.getMessage(), e);
            }
        }
        return new Route(clientName, hostPatterns, pathPrefixes, allowHttp);
    }

    private static String key(String clientName, String key) {
        return "oauth.agent.clients." + clientName + "." + key + ": ";
    }

    public String clientName() {
        return clientName;
    }

    public List<HostPattern> hosts() {
        return hosts;
    }

    public List<PathPrefix> paths() {
        return paths;
    }

    public boolean allowHttp() {
        return allowHttp;
    }

    @Override
    public String toString() {
        return "Route{client=" + clientName + ", hosts=" + hosts + ", paths=" + paths + ", allowHttp=" + allowHttp
                + "}";
    }
}
