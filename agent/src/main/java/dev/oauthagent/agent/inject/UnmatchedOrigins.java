package dev.oauthagent.agent.inject;

import dev.oauthagent.agent.route.RouteExplanation;
import dev.oauthagent.agent.route.RouteTable;

import java.net.URI;
import java.net.URL;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At debug level only: the first request to each (scheme, host, port) that no client matches, explained
 * ({@link RouteExplanation}), so that a hosts entry missing a port or misspelled shows up in the log instead of
 * as plain 401s. Each origin once; at most {@link #MAX_ORIGINS} of them, then one line saying the rest are not
 * reported, so an application calling many hosts cannot grow this without end.
 */
final class UnmatchedOrigins {
    static final int MAX_ORIGINS = 256;

    private final RouteTable routes;
    private final Set<String> reported = ConcurrentHashMap.<String>newKeySet();
    private volatile boolean full;

    UnmatchedOrigins(RouteTable routes) {
        this.routes = routes;
    }

    /**
     * The line to log for a request no client matched (exactly one of {@code url} and {@code uri} is set), or
     * null when its origin was reported already.
     */
    String firstReport(URL url, URI uri) {
        return url != null ? firstReport(url.getProtocol(), url.getHost(), url.getPort(), url.getPath())
                : firstReport(uri.getScheme(), uri.getHost(), uri.getPort(), uri.getRawPath());
    }

    /** {@link #firstReport(URL, URI)} for a request in the parts {@code RouteTable.match} takes. */
    String firstReport(String scheme, String host, int port, String rawPath) {
        if (full) {
            return null;
        }
        String origin = origin(scheme, host, port);
        if (reported.size() >= MAX_ORIGINS) {
            full = true;
            return "no token for requests to " + MAX_ORIGINS + " different origins so far; requests to further"
                    + " origins that no client matches are not reported";
        }
        if (!reported.add(origin)) {
            return null;
        }
        return RouteExplanation.of(routes, scheme, host, port, rawPath).summary()
                + " (said once per scheme, host and port)";
    }

    private static String origin(String scheme, String host, int port) {
        return String.valueOf(scheme).toLowerCase(Locale.ROOT) + "://" + String.valueOf(host).toLowerCase(Locale.ROOT)
                + ":" + port;
    }
}
