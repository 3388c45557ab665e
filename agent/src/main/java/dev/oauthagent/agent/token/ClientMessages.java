package dev.oauthagent.agent.token;

import dev.oauthagent.agent.config.ClientConfig;

import java.net.URI;

/**
 * The parts every token client message shares: which client, which endpoint, which configuration key to
 * change. The endpoint is shown without user info, query or fragment, which could hold credentials.
 */
public final class ClientMessages {
    private final String clientName;
    private final String endpoint;
    private final String hostPort;

    public ClientMessages(ClientConfig client) {
        URI url = client.tokenUrl();
        this.clientName = client.name();
        this.hostPort = url.getHost() + ":" + port(url);
        this.endpoint = url.getScheme() + "://" + url.getHost() + (url.getPort() == -1 ? "" : ":" + url.getPort())
                + (url.getRawPath() == null ? "" : url.getRawPath());
    }

    private static int port(URI url) {
        if (url.getPort() != -1) {
            return url.getPort();
        }
        return "http".equalsIgnoreCase(url.getScheme()) ? 80 : 443;
    }

    /** "token endpoint https://as.example/oauth2/token" */
    String endpoint() {
        return "token endpoint " + endpoint;
    }

    /** "as.example:443" */
    String hostPort() {
        return hostPort;
    }

    /** The full configuration key of one of this client's settings. */
    public String key(String name) {
        return "oauth.agent.clients." + clientName + "." + name;
    }

    /** An exception message: stands alone, so it names the agent and the client. */
    public String exception(String text) {
        return "oauth-agent: client '" + clientName + "': " + text;
    }

    /** A log line: the log prefix already names the agent. */
    String log(String text) {
        return "client '" + clientName + "': " + text;
    }
}
