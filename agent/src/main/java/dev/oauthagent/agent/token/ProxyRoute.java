package dev.oauthagent.agent.token;

import java.net.InetSocketAddress;
import java.net.Proxy;

/**
 * How one call of the agent reaches the authorization server: directly, or through an HTTP proxy, together with
 * where that proxy was configured, so that a message can name the setting to change.
 */
final class ProxyRoute {
    static final ProxyRoute DIRECT = new ProxyRoute(null, null);

    private final InetSocketAddress address;
    private final String source;

    private ProxyRoute(InetSocketAddress address, String source) {
        this.address = address;
        this.source = source;
    }

    /** @param source where the proxy is configured: "oauth.agent.clients.billing.proxy", "system property ..." */
    static ProxyRoute through(String host, int port, String source) {
        return new ProxyRoute(InetSocketAddress.createUnresolved(host, port), source);
    }

    boolean isDirect() {
        return address == null;
    }

    InetSocketAddress address() {
        return address;
    }

    /** The proxy as HttpURLConnection takes it: NO_PROXY for a direct call, so no ProxySelector is asked. */
    Proxy asJavaProxy() {
        return address == null ? Proxy.NO_PROXY : new Proxy(Proxy.Type.HTTP, address);
    }

    /** "proxy proxy.example:3128 (from system property https.proxyHost)"; host names only, never credentials. */
    String describe() {
        return address == null ? "no proxy"
                : "proxy " + address.getHostString() + ":" + address.getPort() + " (from " + source + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
