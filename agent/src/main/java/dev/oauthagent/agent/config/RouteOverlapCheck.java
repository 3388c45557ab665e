package dev.oauthagent.agent.config;

import dev.oauthagent.agent.route.HostPattern;
import dev.oauthagent.agent.route.PathPrefix;
import dev.oauthagent.agent.route.Route;

import java.util.List;

/**
 * Two clients must not claim the same requests: with an equal {@link HostPattern} and path prefixes where
 * one is the other or lies under it ({@link PathPrefix#overlaps}), a request could match both and carry
 * either client's token. Host patterns are compared as {@link dev.oauthagent.agent.route.RouteTable}
 * compares them, after normalization ({@code API.example.com.} equals {@code api.example.com}, {@code [0::1]}
 * equals {@code [::1]}). Different patterns that can match the same host ({@code api.example.com} and
 * {@code *.example.com}) are a deliberate specific-versus-general choice and are not reported here.
 *
 * <p>Stricter than the route table, which refuses only an identical host and prefix and lets the longer
 * prefix win otherwise: in configuration, a client nested under another one's prefix on the same host is
 * far more often a copy-paste mistake than a plan, so it is reported too. Hence a configuration that
 * passes this check always builds a route table.
 */
final class RouteOverlapCheck {
    private RouteOverlapCheck() {
    }

    static void check(List<Route> clients, ProblemList problems) {
        for (int i = 0; i < clients.size(); i++) {
            for (int j = i + 1; j < clients.size(); j++) {
                reportFirstOverlap(clients.get(i), clients.get(j), problems);
            }
        }
    }

    private static void reportFirstOverlap(Route a, Route b, ProblemList problems) {
        for (HostPattern host : a.hosts()) {
            if (!b.hosts().contains(host)) {
                continue;
            }
            for (PathPrefix pathA : a.paths()) {
                for (PathPrefix pathB : b.paths()) {
                    if (pathA.overlaps(pathB)) {
                        // Either client may hold the mistake, so neither runs.
                        problems.addForClients(KnownKeys.HOSTS.fullKey(b.clientName()), "clients '"
                                + a.clientName() + "' and '" + b.clientName() + "' both claim host " + host
                                + " with paths " + pathA.value() + " and " + pathB.value() + "; a request there "
                                + "could get either token. Give the clients different hosts or paths that are not "
                                + "prefixes of each other", a.clientName(), b.clientName());
                        return;
                    }
                }
            }
        }
    }
}
