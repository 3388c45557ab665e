package dev.oauthagent.agent.config;

import java.util.List;

/**
 * Two clients must not claim the same requests: with the same host pattern and paths where one is a
 * prefix of the other, a request would match both and could carry either client's token. Host patterns
 * are compared as written (after lower-casing): different patterns that can match the same host
 * ({@code api.example.com} and {@code *.example.com}) are a deliberate specific-versus-general choice
 * and are not reported here.
 */
final class RouteOverlapCheck {
    private RouteOverlapCheck() {
    }

    static void check(List<ClientRoutes> clients, ProblemList problems) {
        for (int i = 0; i < clients.size(); i++) {
            for (int j = i + 1; j < clients.size(); j++) {
                reportFirstOverlap(clients.get(i), clients.get(j), problems);
            }
        }
    }

    private static void reportFirstOverlap(ClientRoutes a, ClientRoutes b, ProblemList problems) {
        for (String host : a.hosts) {
            if (!b.hosts.contains(host)) {
                continue;
            }
            for (String pathA : a.paths) {
                for (String pathB : b.paths) {
                    if (pathA.startsWith(pathB) || pathB.startsWith(pathA)) {
                        problems.add(KnownKeys.HOSTS.fullKey(b.clientName), "clients '" + a.clientName + "' and '"
                                + b.clientName + "' both claim host " + host + " with paths " + pathA + " and "
                                + pathB + "; a request there could get either token. Give the clients different "
                                + "hosts or paths that are not prefixes of each other");
                        return;
                    }
                }
            }
        }
    }
}
