package dev.oauthagent.agent.token;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.token.auth.CurrentSecret;
import dev.oauthagent.agent.token.auth.SecretListener;
import dev.oauthagent.agent.token.cache.Ticker;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Which proxy one client's calls to its authorization server take, and the credentials it shows that proxy.
 * The client's {@code proxy} key first, else the JVM's proxy as it was at start ({@link JvmProxySettings});
 * a host in {@code http.nonProxyHosts} is always reached directly. The credentials come from the client's
 * {@code proxy-user} and {@code proxy-password} only: never from an Authenticator the application installed.
 */
final class AuthServerProxy {
    private final ClientConfig client;
    private final ClientMessages messages;
    private final JvmProxySettings jvm;
    /** Null without proxy-user and proxy-password. */
    private final CurrentSecret user;
    private final CurrentSecret password;

    /**
     * @param secrets learns each new value of proxy-password read again from its file, before it is sent (with
     *                the user, the Basic value it makes)
     */
    AuthServerProxy(ClientConfig client, ClientMessages messages, JvmProxySettings jvm, SecretListener secrets) {
        this.client = client;
        this.messages = messages;
        this.jvm = jvm;
        if (client.proxyUser() == null || client.proxyPassword() == null) {
            this.user = null;
            this.password = null;
        } else {
            // Files are looked at again before a request, at most every 5 s: a rotated proxy password applies
            // from the next token request, as a rotated client secret does.
            this.user = new CurrentSecret("proxy-user", client.name(), null, client.proxyUser(), Ticker.system(),
                    SecretListener.NONE);
            this.password = new CurrentSecret("proxy-password", client.name(), client.proxyUser().reveal(),
                    client.proxyPassword(), Ticker.system(), secrets);
        }
    }

    ProxyRoute routeFor(URI url) {
        if (client.proxy() == null) {
            return jvm.routeFor(url);
        }
        return jvm.bypasses(url) ? ProxyRoute.DIRECT
                : ProxyRoute.through(client.proxy().getHost(), client.proxy().getPort(), messages.key("proxy"));
    }

    /** The Proxy-Authorization value (Basic, RFC 7617), or null without configured credentials. */
    String authorization() {
        if (user == null) {
            return null;
        }
        String pair = user.get().reveal() + ":" + password.get().reveal();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** What a refusal by the proxy means, with the keys to change. The status is the proxy's, not the server's. */
    String refusal(ProxyRoute route, int status, String target) {
        if (status == 407) {
            if (authorization() == null) {
                return "the " + route.describe() + " asks for credentials (HTTP 407); set " + messages.key("proxy-user")
                        + " and " + messages.key("proxy-password") + " (e.g. ${env:PROXY_PASSWORD}).";
            }
            String refused = "the " + route.describe() + " refused the proxy credentials (HTTP 407); check "
                    + messages.key("proxy-user") + " and " + messages.key("proxy-password") + " (password from "
                    + password.get().origin() + ").";
            user.lookAgainNextTime(); // a rotated password that arrived since is sent by the next request
            password.lookAgainNextTime();
            return refused;
        }
        return "the " + route.describe() + " refused to connect to " + target + " (HTTP " + status + "); the proxy may "
                + "not allow that host or port. Ask for it to be allowed, or if the host is reachable directly, add it "
                + "to the JVM's http.nonProxyHosts.";
    }

    /** The proxy took the connection but did not answer the CONNECT as an HTTP proxy does. */
    String noAnswer(ProxyRoute route, String target, String reason) {
        return "the " + route.describe() + " did not answer the CONNECT to " + target + " (" + reason + "); check that "
                + "it is an HTTP proxy and that its address is right.";
    }

    /** Why the proxy itself could not be reached. */
    String unreachable(ProxyRoute route, String reason) {
        return "cannot reach the " + route.describe() + " (" + reason + ") on the way to " + messages.endpoint()
                + "; check the proxy's address there and the network.";
    }
}
