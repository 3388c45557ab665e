package dev.oauthagent.e2e.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A TLS server with {@link TestTls}'s certificate (self-signed, for 127.0.0.1, localhost and the test host names)
 * that answers nothing and records every application byte a client sends after the handshake: for proving that
 * a client refusing the certificate sends none, credentials included.
 */
public final class RecordingTlsServer implements AutoCloseable {
    private final SSLServerSocket socket;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "recording-tls-server");
        t.setDaemon(true);
        return t;
    });
    private final Semaphore ended = new Semaphore(0);
    private final ByteArrayOutputStream applicationBytes = new ByteArrayOutputStream();
    private int accepted;

    /** @param address the loopback address to listen on */
    public RecordingTlsServer(TestTls tls, InetAddress address) throws Exception {
        this.socket = (SSLServerSocket) tls.serverContext().getServerSocketFactory().createServerSocket(0, 50, address);
        threads.execute(this::acceptLoop);
    }

    public URI url(String path) {
        return URI.create("https://" + socket.getInetAddress().getHostAddress() + ":" + socket.getLocalPort() + path);
    }

    /** Waits until {@code count} connections have ended (handshake refused, or the client closed). */
    public boolean awaitEnded(int count, Duration timeout) throws InterruptedException {
        boolean ok = ended.tryAcquire(count, timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (ok) {
            ended.release(count);
        }
        return ok;
    }

    public synchronized int accepted() {
        return accepted;
    }

    public String applicationBytes() {
        synchronized (applicationBytes) {
            return applicationBytes.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                SSLSocket connection = (SSLSocket) socket.accept();
                synchronized (this) {
                    accepted++;
                }
                threads.execute(() -> record(connection));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void record(SSLSocket connection) {
        try (SSLSocket s = connection) {
            s.setSoTimeout(10_000);
            s.startHandshake();
            InputStream in = s.getInputStream();
            byte[] buffer = new byte[4096];
            int n;
            while ((n = in.read(buffer)) != -1) {
                synchronized (applicationBytes) {
                    applicationBytes.write(buffer, 0, n);
                }
                if (applicationBytes().contains("\r\n\r\n")) {
                    return; // a request came through: enough to fail the test, no need to answer it
                }
            }
        } catch (IOException e) {
            // the client refused the handshake, or went away
        } finally {
            ended.release();
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        threads.shutdownNow();
    }
}
