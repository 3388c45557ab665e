package dev.oauthagent.agent.token;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLSocketFactory;

/**
 * Wraps the SSLSocketFactory of one token connection and remembers the sockets it makes, so that the total
 * deadline can close them. Needed because HttpsURLConnection performs the TLS handshake before it exposes
 * the connection to {@code disconnect()}: a server that drips its handshake a byte at a time would otherwise
 * escape the deadline.
 */
final class AbortableSslSocketFactory extends SSLSocketFactory {
    private final SSLSocketFactory delegate;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean aborted;

    AbortableSslSocketFactory(SSLSocketFactory delegate) {
        this.delegate = delegate;
    }

    /** Closes every socket made so far and any made later. */
    void abort() {
        aborted = true;
        for (Socket s : sockets) {
            closeQuietly(s);
        }
    }

    private Socket track(Socket s) {
        sockets.add(s);
        if (aborted) {
            closeQuietly(s);
        }
        return s;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing is all we wanted; the reader sees the failure
        }
    }

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
        return track(delegate.createSocket());
    }

    @Override
    public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
        return track(delegate.createSocket(s, host, port, autoClose));
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return track(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return track(delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return track(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return track(delegate.createSocket(address, port, localAddress, localPort));
    }
}
