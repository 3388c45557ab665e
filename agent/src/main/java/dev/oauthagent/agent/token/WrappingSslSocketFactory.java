package dev.oauthagent.agent.token;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.ssl.SSLSocketFactory;

/**
 * An SSLSocketFactory that makes its sockets with a delegate and hands each to {@link #made(Socket)} before
 * the connection sees it: the one place the agent's socket factories do their work, whichever of the six
 * {@code createSocket} variants HttpsURLConnection calls (which one depends on proxy and JDK version).
 */
abstract class WrappingSslSocketFactory extends SSLSocketFactory {
    private final SSLSocketFactory delegate;

    WrappingSslSocketFactory(SSLSocketFactory delegate) {
        this.delegate = delegate;
    }

    /** Does this factory's work on a socket just made; returns it. */
    abstract Socket made(Socket s) throws IOException;

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket() throws IOException {
        return made(delegate.createSocket());
    }

    @Override
    public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
        return made(delegate.createSocket(s, host, port, autoClose));
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return made(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return made(delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return made(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return made(delegate.createSocket(address, port, localAddress, localPort));
    }
}
