package dev.oauthagent.agent.cli.doctor;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.token.ClientMessages;

import java.net.URI;
import java.util.Locale;

/**
 * The URL a failed token request went to, as the findings name it: the token endpoint, or the issuer when its
 * discovery failed before any token endpoint was known; and the key it came from (token-url or issuer).
 */
final class FailedEndpoint {
    final URI url;
    final String urlKey;
    final ClientMessages messages;

    private FailedEndpoint(URI url, String urlKey, ClientMessages messages) {
        this.url = url;
        this.urlKey = urlKey;
        this.messages = messages;
    }

    static FailedEndpoint of(ClientConfig client) {
        String urlKey = client.issuer() == null ? "token-url" : "issuer";
        if (client.tokenUrl() != null) {
            return new FailedEndpoint(client.tokenUrl(), urlKey, new ClientMessages(client));
        }
        return new FailedEndpoint(client.issuer(), urlKey, new ClientMessages(client, client.issuer(), "issuer",
                urlKey));
    }

    /** "token endpoint https://as.example/oauth2/token", without user info or query. */
    String describe() {
        return messages.endpoint();
    }

    String host() {
        return url.getHost();
    }

    int port() {
        if (url.getPort() != -1) {
            return url.getPort();
        }
        return isHttp() ? 80 : 443;
    }

    boolean isHttp() {
        return "http".equals(scheme());
    }

    boolean isHttps() {
        return "https".equals(scheme());
    }

    private String scheme() {
        return url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    }
}
