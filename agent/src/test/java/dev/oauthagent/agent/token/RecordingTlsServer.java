package dev.oauthagent.agent.token;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A TLS token endpoint on raw sockets, so that a test sees exactly which application bytes reached the server
 * after the handshake: none may, when the client refused the certificate. A connection that does send a request
 * gets a token response, so the same server proves it records what a trusting client sends.
 */
final class RecordingTlsServer implements AutoCloseable {
    private static final int READ_TIMEOUT_MILLIS = 10_000;

    private final SSLServerSocket socket;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "recording-tls-server");
        t.setDaemon(true);
        return t;
    });
    private final List<Future<?>> connections = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final ByteArrayOutputStream applicationBytes = new ByteArrayOutputStream();
    private final String responseBody;

    RecordingTlsServer(SSLContext context, String responseBody) throws IOException {
        this.socket = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 50,
                InetAddress.getLoopbackAddress());
        this.responseBody = responseBody;
        threads.execute(this::acceptLoop);
    }

    URI tokenUrl() {
        return URI.create("https://127.0.0.1:" + socket.getLocalPort() + FaultyTokenServer.PATH);
    }

    /** Connections accepted so far: a refused certificate still costs the client one. */
    int accepted() {
        return accepted.get();
    }

    /**
     * Every application byte read from every connection, once all connections accepted so far have ended. A
     * client that refused the certificate closes at once, so the wait is short.
     */
    String applicationBytes() throws Exception {
        for (Future<?> connection : connections) {
            connection.get(READ_TIMEOUT_MILLIS * 2L, TimeUnit.MILLISECONDS);
        }
        synchronized (applicationBytes) {
            return applicationBytes.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                SSLSocket connection = (SSLSocket) socket.accept();
                accepted.incrementAndGet();
                connections.add(threads.submit(() -> serve(connection)));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(SSLSocket connection) {
        try (SSLSocket s = connection) {
            s.setSoTimeout(READ_TIMEOUT_MILLIS);
            s.startHandshake();
            String request = readRequest(s.getInputStream());
            if (request.contains("\r\n\r\n")) {
                OutputStream out = s.getOutputStream();
                byte[] body = responseBody.getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
            }
        } catch (IOException e) {
            // the client refused the handshake or went away: what it sent before is recorded
        }
    }

    /** Reads until the end of the headers plus a Content-Length body, or until the client stops sending. */
    private String readRequest(InputStream in) throws IOException {
        StringBuilder seen = new StringBuilder();
        byte[] buffer = new byte[4096];
        try {
            int n;
            while ((n = in.read(buffer)) != -1) {
                String chunk = new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
                seen.append(chunk);
                synchronized (applicationBytes) {
                    applicationBytes.write(buffer, 0, n);
                }
                if (complete(seen.toString())) {
                    break;
                }
            }
        } catch (SocketTimeoutException e) {
            // a client that sent nothing more: keep what came
        }
        return seen.toString();
    }

    private static boolean complete(String request) {
        int end = request.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String headers = request.substring(0, end).toLowerCase(java.util.Locale.ROOT);
        int at = headers.indexOf("content-length:");
        if (at < 0) {
            return true;
        }
        int lineEnd = headers.indexOf("\r\n", at);
        int length = Integer.parseInt(headers.substring(at + 15, lineEnd < 0 ? headers.length() : lineEnd).trim());
        return request.length() - end - 4 >= length;
    }

    @Override
    public void close() throws IOException {
        socket.close();
        threads.shutdownNow();
    }
}
