package dev.oauthagent.agent.token;

import java.net.InetSocketAddress;
import java.net.Proxy;

/**
 * How one call of the agent reaches the authorization server: directly, or through an HTTP or SOCKS proxy, together
 * with where that proxy was configured, so that a message can name the setting to change.
 */
final class ProxyRoute {
    static final ProxyRoute DIRECT = new ProxyRoute(Proxy.Type.DIRECT, null, null);

    private final Proxy.Type type;
    private final InetSocketAddress address;
    private final String source;

    private ProxyRoute(Proxy.Type type, InetSocketAddress address, String source) {
        this.type = type;
        this.address = address;
        this.source = source;
    }

    /** @param source where the proxy is configured: "oauth.agent.clients.billing.proxy", "system property ..." */
    static ProxyRoute through(String host, int port, String source) {
        return new ProxyRoute(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(host, port), source);
    }

    /** A SOCKS proxy, which the JDK's own socket speaks to (no credentials from the agent). */
    static ProxyRoute socks(String host, int port, String source) {
        return new ProxyRoute(Proxy.Type.SOCKS, InetSocketAddress.createUnresolved(host, port), source);
    }

    boolean isDirect() {
        return type == Proxy.Type.DIRECT;
    }

    boolean isHttpProxy() {
        return type == Proxy.Type.HTTP;
    }

    InetSocketAddress address() {
        return address;
    }

    /** The proxy as HttpURLConnection takes it: NO_PROXY for a direct call, so no ProxySelector is asked. */
    Proxy asJavaProxy() {
        return isDirect() ? Proxy.NO_PROXY : new Proxy(type, address);
    }

    /** "proxy proxy.example:3128 (from system property https.proxyHost)"; host names only, never credentials. */
    String describe() {
        return isDirect() ? "no proxy" : (type == Proxy.Type.SOCKS ? "SOCKS proxy " : "proxy ") + address.getHostString()
                + ":" + address.getPort() + " (from " + source + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
