package dev.oauthagent.agent.token;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The socket factory of an https call through a proxy. HttpsURLConnection, opened without a proxy, asks it for an
 * unconnected socket, connects it, and layers TLS on it through {@code createSocket(Socket, host, port, ...)}: the
 * unconnected socket is a {@link ProxyTunnelSocket}, so "connect" opens the tunnel. The variants that would
 * connect straight to the server refuse: the JDK falls back to one of them when layering fails, and that would
 * bypass the proxy.
 */
final class TunnelingSslSocketFactory extends WrappingSslSocketFactory {
    private final ProxyRoute route;
    private final AuthServerProxy proxy;
    private final int readTimeoutMillis;

    TunnelingSslSocketFactory(SSLSocketFactory tls, ProxyRoute route, AuthServerProxy proxy, int readTimeoutMillis) {
        super(tls);
        this.route = route;
        this.proxy = proxy;
        this.readTimeoutMillis = readTimeoutMillis;
    }

    @Override
    Socket made(Socket s) {
        return s;
    }

    @Override
    public Socket createSocket() {
        return new ProxyTunnelSocket(route, proxy, readTimeoutMillis);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        throw direct();
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        throw direct();
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        throw direct();
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        throw direct();
    }

    private IOException direct() {
        return new IOException("a direct connection was asked for, but this call goes through the " + route.describe());
    }
}
