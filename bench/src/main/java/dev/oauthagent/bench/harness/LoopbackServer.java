package dev.oauthagent.bench.harness;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The loopback server the child JVMs talk to: a tiny 200 for every {@code /api/...} request, and a
 * client-credentials token endpoint at {@code /token} that hands out one static token at once.
 *
 * <p>It counts the API requests and, separately, those carrying {@code Authorization: Bearer} with its
 * token: a throughput ratio means something only if the agent really attached the header.
 */
final class LoopbackServer implements AutoCloseable {
    static final String CLIENT_ID = "bench-client";
    static final String TOKEN_VALUE = "bench-3f7c1a9e5b2d4c60";

    private static final byte[] API_BODY = "ok\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TOKEN_BODY = ("{\"access_token\":\"" + TOKEN_VALUE
            + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INVALID_CLIENT = "{\"error\":\"invalid_client\"}".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] UNSUPPORTED_GRANT =
            "{\"error\":\"unsupported_grant_type\"}".getBytes(StandardCharsets.US_ASCII);
    private static final String BEARER_HEADER = "Bearer " + TOKEN_VALUE;
    private static final int MAX_FORM_BYTES = 4096;

    private final HttpServer server;
    private final ExecutorService executor;
    private final String expectedBasic;
    private final AtomicLong apiRequests = new AtomicLong();
    private final AtomicLong bearerRequests = new AtomicLong();
    private final AtomicLong tokensIssued = new AtomicLong();
    // Client ports seen on /api: more than a handful means keep-alive failed and the figures measure TCP set-up.
    private final Set<Integer> apiClientPorts = ConcurrentHashMap.newKeySet();

    private LoopbackServer(HttpServer server, ExecutorService executor, String clientSecret) {
        this.server = server;
        this.executor = executor;
        this.expectedBasic = "Basic " + Base64.getEncoder().encodeToString(
                (CLIENT_ID + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
    }

    /** @param clientSecret what the token endpoint expects in client_secret_basic (letters and digits only) */
    static LoopbackServer start(String clientSecret) throws IOException {
        // Without it every keep-alive request waits for the delayed ACK (~40 ms): the figures would measure
        // Nagle's algorithm, not the clients.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        // Two threads: one per core; the child sends one request at a time anyway.
        ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "loopback-server");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        LoopbackServer loopback = new LoopbackServer(server, executor, clientSecret);
        server.createContext("/api/", loopback::api);
        server.createContext("/token", loopback::token);
        server.start();
        return loopback;
    }

    URI apiUrl() {
        return URI.create("http://127.0.0.1:" + port() + "/api/orders/42");
    }

    URI tokenUrl() {
        return URI.create("http://127.0.0.1:" + port() + "/token");
    }

    int port() {
        return server.getAddress().getPort();
    }

    void resetCounts() {
        apiRequests.set(0);
        bearerRequests.set(0);
        tokensIssued.set(0);
        apiClientPorts.clear();
    }

    long apiRequests() {
        return apiRequests.get();
    }

    long bearerRequests() {
        return bearerRequests.get();
    }

    long tokensIssued() {
        return tokensIssued.get();
    }

    /** Connections the API requests came over. */
    int apiConnections() {
        return apiClientPorts.size();
    }

    private void api(HttpExchange exchange) throws IOException {
        try (exchange) {
            apiRequests.incrementAndGet();
            apiClientPorts.add(exchange.getRemoteAddress().getPort());
            if (BEARER_HEADER.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                bearerRequests.incrementAndGet();
            }
            exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
            respond(exchange, 200, "text/plain", API_BODY);
        }
    }

    private void token(HttpExchange exchange) throws IOException {
        try (exchange) {
            String form = readForm(exchange.getRequestBody());
            if (!expectedBasic.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                respond(exchange, 401, "application/json", INVALID_CLIENT);
            } else if (!"POST".equals(exchange.getRequestMethod()) || !form.contains("grant_type=client_credentials")) {
                respond(exchange, 400, "application/json", UNSUPPORTED_GRANT);
            } else {
                tokensIssued.incrementAndGet();
                respond(exchange, 200, "application/json", TOKEN_BODY);
            }
        }
    }

    private static String readForm(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_FORM_BYTES);
        body.transferTo(OutputStream.nullOutputStream());
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    private static void respond(HttpExchange exchange, int status, String contentType, byte[] body)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
