package dev.oauthagent.e2e.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A client's redirect URI {@code http://127.0.0.1:<port>/callback} in the test JVM, as a program acting for a user
 * opens one during an authorization code flow: it keeps the query parameters of each call for the test and answers
 * a short page that names no code.
 */
public final class LoopbackCallback implements AutoCloseable {
    public static final String PAGE = "Login finished: you can close this window.";

    private final HttpServer server;
    private final BlockingQueue<Map<String, String>> calls = new ArrayBlockingQueue<>(16);

    private LoopbackCallback(HttpServer server) {
        this.server = server;
    }

    /** Listens on 127.0.0.1 at a free port. */
    public static LoopbackCallback start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            LoopbackCallback callback = new LoopbackCallback(server);
            server.createContext("/callback", exchange -> {
                callback.calls.offer(parameters(exchange.getRequestURI()));
                byte[] page = PAGE.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                exchange.sendResponseHeaders(200, page.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(page);
                }
            });
            server.start();
            return callback;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1", e);
        }
    }

    /** {@code http://127.0.0.1:<port>/callback}. */
    public String redirectUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/callback";
    }

    /** The query parameters of the next call, waiting up to {@code patience} for it; null if none came. */
    public Map<String, String> nextCall(Duration patience) {
        try {
            return calls.poll(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the callback", e);
        }
    }

    /** The calls received and not yet taken. */
    public int pendingCalls() {
        return calls.size();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static Map<String, String> parameters(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String query = uri.getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] nameValue = pair.split("=", 2);
                parameters.put(URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
                        nameValue.length == 2 ? URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8) : "");
            }
        }
        return parameters;
    }
}
