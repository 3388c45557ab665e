package dev.oauthagent.agent.token;

import java.io.IOException;
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
final class AbortableSslSocketFactory extends WrappingSslSocketFactory {
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean aborted;

    AbortableSslSocketFactory(SSLSocketFactory delegate) {
        super(delegate);
    }

    /** Closes every socket made so far and any made later. */
    void abort() {
        aborted = true;
        for (Socket s : sockets) {
            closeQuietly(s);
        }
    }

    @Override
    Socket made(Socket s) {
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
}
