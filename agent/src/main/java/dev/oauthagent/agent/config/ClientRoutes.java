package dev.oauthagent.agent.config;

import java.util.List;

/** The hosts and paths one client claims; read even when other keys of the client are invalid. */
final class ClientRoutes {
    final String clientName;
    final List<String> hosts;
    final List<String> paths;

    ClientRoutes(String clientName, List<String> hosts, List<String> paths) {
        this.clientName = clientName;
        this.hosts = hosts;
        this.paths = paths;
    }
}
