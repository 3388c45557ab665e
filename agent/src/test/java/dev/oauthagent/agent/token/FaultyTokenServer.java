package dev.oauthagent.agent.token;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * A token endpoint that misbehaves on request, on the loopback only. Two kinds:
 * <ul>
 * <li>HTTP(S) mode (JDK HttpServer): records each request and answers with whatever a {@link Reply} says,
 * including 5 MB bodies and redirects;</li>
 * <li>raw mode (ServerSocket): accepts and never answers, or drips a fixed response byte by byte.</li>
 * </ul>
 * Plus {@link #closedPort()} for "connection refused". Every mode stops when closed; drips are finite.
 */
public final class FaultyTokenServer implements AutoCloseable {
    static {
        // Must precede the first HttpServer: without it each keep-alive request stalls ~40 ms (Nagle).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    public static final String PATH = "/oauth2/token";

    /** A request as the server saw it. Header names lower-cased. */
    public record RecordedRequest(String method, String path, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.get(0);
        }

        /** All values of a form parameter in the body, decoded. */
        public List<String> form(String name) {
            List<String> values = new ArrayList<>();
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                    values.add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            return values;
        }
    }

    /** @param streamed send without Content-Length, so the client cannot tell the size in advance */
    public record Reply(int status, Map<String, String> headers, byte[] body, boolean streamed) {
        public static Reply json(int status, String json) {
            return new Reply(status, Map.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8),
                    false);
        }

        public static Reply of(int status, String contentType, String body) {
            return new Reply(status, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8), false);
        }

        public Reply withHeader(String name, String value) {
            Map<String, String> h = new TreeMap<>(headers);
            h.put(name, value);
            return new Reply(status, h, body, streamed);
        }

        public Reply withoutContentLength() {
            return new Reply(status, headers, body, true);
        }
    }

    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> rawConnections = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "faulty-token-server");
        t.setDaemon(true);
        return t;
    });
    private final String scheme;
    private final int port;
    private HttpServer http;
    private ServerSocket raw;
    private volatile FaultyTokenServer proxyTarget;
    private volatile Duration proxyInterval;

    private FaultyTokenServer(HttpServer server, String scheme, Function<RecordedRequest, Reply> responder) {
        this.http = server;
        this.scheme = scheme;
        server.setExecutor(threads);
        server.createContext("/", exchange -> handle(exchange, responder));
        server.start();
        this.port = server.getAddress().getPort();
    }

    private FaultyTokenServer(ServerSocket raw, Duration dripInterval, byte[] atOnce, byte[] dripped) {
        this.raw = raw;
        this.scheme = "http";
        this.port = raw.getLocalPort();
        threads.execute(() -> acceptLoop(dripInterval, atOnce, dripped));
    }

    /** Answers every request with {@code responder}'s reply. */
    public static FaultyTokenServer http(Function<RecordedRequest, Reply> responder) throws IOException {
        return new FaultyTokenServer(HttpServer.create(loopback(), 0), "http", responder);
    }

    /** The same on a given loopback port: a server that comes up where a client already failed to connect. */
    public static FaultyTokenServer http(int port, Function<RecordedRequest, Reply> responder) throws IOException {
        return new FaultyTokenServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0),
                "http", responder);
    }

    /** The same over TLS with the given server context. */
    public static FaultyTokenServer https(SSLContext tls, Function<RecordedRequest, Reply> responder)
            throws IOException {
        HttpsServer server = HttpsServer.create(loopback(), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        return new FaultyTokenServer(server, "https", responder);
    }

    /** Accepts connections and never sends a byte. */
    public static FaultyTokenServer acceptAndHang() throws IOException {
        return new FaultyTokenServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), null, null, null);
    }

    /**
     * Sends {@code atOnce} immediately, then {@code dripped} one byte at a time, {@code interval} apart, then
     * keeps the connection open.
     */
    public static FaultyTokenServer slowDrip(String atOnce, String dripped, Duration interval) throws IOException {
        return new FaultyTokenServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), interval,
                atOnce.getBytes(StandardCharsets.ISO_8859_1), dripped.getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * Forwards to {@code target}: the client's bytes at once, the target's one at a time, {@code interval}
     * apart. In front of an HTTPS server this drips the TLS handshake itself.
     */
    public static FaultyTokenServer slowProxy(FaultyTokenServer target, Duration interval) throws IOException {
        FaultyTokenServer proxy = new FaultyTokenServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()),
                null, null, null);
        proxy.proxyTarget = target;
        proxy.proxyInterval = interval;
        return proxy;
    }

    /** A token URL on a loopback port nothing listens on. */
    public static URI closedPort() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        return URI.create("http://127.0.0.1:" + port + PATH);
    }

    private static InetSocketAddress loopback() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    }

    public URI tokenUrl() {
        String s = proxyTarget != null ? proxyTarget.scheme : scheme;
        return URI.create(s + "://127.0.0.1:" + port + PATH);
    }

    public List<RecordedRequest> requests() {
        return requests;
    }

    /** Raw mode: connections accepted so far. */
    public int connections() {
        return rawConnections.size();
    }

    private void handle(HttpExchange exchange, Function<RecordedRequest, Reply> responder) {
        try (exchange) {
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(), headers, body);
            requests.add(request);
            Reply reply = responder.apply(request);
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(reply.status(),
                    reply.body().length == 0 ? -1 : reply.streamed() ? 0 : reply.body().length);
            if (reply.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(reply.body());
                }
            }
        } catch (IOException e) {
            // the client gave up (size limit, deadline): expected in fault tests
        }
    }

    private void acceptLoop(Duration dripInterval, byte[] atOnce, byte[] dripped) {
        while (!raw.isClosed()) {
            try {
                Socket s = raw.accept();
                rawConnections.add(s);
                if (dripped != null) {
                    threads.execute(() -> drip(s, dripInterval, atOnce, dripped));
                } else if (proxyTarget != null) {
                    threads.execute(() -> proxy(s));
                }
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void drip(Socket s, Duration interval, byte[] atOnce, byte[] bytes) {
        try {
            OutputStream out = s.getOutputStream();
            out.write(atOnce);
            out.flush();
            for (byte b : bytes) {
                out.write(b);
                out.flush();
                // The server's own pacing is the fault under test, not a wait for something to happen.
                if (closed.await(interval.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client hung up
        }
    }

    private void proxy(Socket client) {
        try {
            Socket upstream = new Socket(InetAddress.getLoopbackAddress(), proxyTarget.port);
            rawConnections.add(upstream);
            threads.execute(() -> {
                try {
                    client.getInputStream().transferTo(upstream.getOutputStream());
                } catch (IOException e) {
                    // either side closed
                }
            });
            InputStream in = upstream.getInputStream();
            OutputStream out = client.getOutputStream();
            int b;
            while ((b = in.read()) != -1) {
                out.write(b);
                out.flush();
                if (closed.await(proxyInterval.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // either side closed
        }
    }

    @Override
    public void close() throws IOException {
        closed.countDown();
        if (http != null) {
            http.stop(0);
        }
        if (raw != null) {
            raw.close();
        }
        for (Socket s : rawConnections) {
            s.close();
        }
        threads.shutdownNow();
    }
}
