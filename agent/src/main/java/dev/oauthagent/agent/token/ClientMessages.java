package dev.oauthagent.agent.token;

import dev.oauthagent.agent.config.ClientConfig;

import java.net.URI;

/**
 * The parts every message about one of a client's endpoints shares: which client, which endpoint, which
 * configuration key to change. The endpoint is shown without user info, query or fragment, which could hold
 * credentials. By default the endpoint is the token endpoint; the device flow's messages name its device
 * authorization endpoint and {@code device-authorization-url} instead.
 * For a client configured with {@code issuer}, the key to check is {@code issuer}, which the endpoint came from.
 */
public final class ClientMessages {
    /**
     * How a message says the server answered a web page where JSON belongs (a login page, a proxy, a console): the
     * doctor reads it to tell a wrong URL from a refusal.
     */
    public static final String HTML_PAGE = "an HTML page";

    private final String clientName;
    private final String endpointName;
    private final String urlKey;
    private final String endpoint;
    private final String host;
    private final String hostPort;

    /** For a client with issuer, the token endpoint it discovered; the key to check is then issuer. */
    public ClientMessages(ClientConfig client) {
        this(client, client.tokenUrl(), "token endpoint", client.issuer() == null ? "token-url" : "issuer");
    }

    /**
     * @param url          the endpoint's URL
     * @param endpointName what the endpoint is, as the user should read it: "device authorization endpoint"
     * @param urlKey       the per-client key the URL comes from: "device-authorization-url"
     */
    public ClientMessages(ClientConfig client, URI url, String endpointName, String urlKey) {
        this.clientName = client.name();
        this.endpointName = endpointName;
        this.urlKey = urlKey;
        this.host = url.getHost();
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
    public String endpoint() {
        return endpointName + " " + endpoint;
    }

    /** "token endpoint as.example:443" */
    String endpointAtHostPort() {
        return endpointName + " " + hostPort;
    }

    /** "as.example" */
    String host() {
        return host;
    }

    /** The full key of the endpoint's URL: "oauth.agent.clients.billing.token-url" */
    public String urlKey() {
        return key(urlKey);
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
    public String log(String text) {
        return "client '" + clientName + "': " + text;
    }
}
