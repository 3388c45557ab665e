package dev.oauthagent.e2e.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What the real authorization server never answers, on 127.0.0.1, over http and over https with {@link TestTls}'s
 * self-signed key: {@link #INVALID_TARGET} answers every POST with {@code 400 invalid_target} (Spring Authorization
 * Server ignores resource and audience), {@link #LOGIN_PAGE} with a sign-in page in HTML, as a single sign-on proxy
 * in front of the wrong URL does. Any other path is a 404.
 */
public final class FaultPages implements AutoCloseable {
    public static final String INVALID_TARGET = "/invalid-target/token";
    public static final String LOGIN_PAGE = "/sso/login";

    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fault-pages");
        t.setDaemon(true);
        return t;
    });
    private final HttpServer http;
    private final HttpsServer https;

    public FaultPages(TestTls tls) {
        try {
            InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
            http = HttpServer.create(loopback, 0);
            https = HttpsServer.create(loopback, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(tls.serverContext()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the fault pages' ports", e);
        }
        for (HttpServer server : new HttpServer[] {http, https}) {
            server.setExecutor(threads);
            server.createContext("/", FaultPages::answer);
            server.start();
        }
    }

    /** {@code http://127.0.0.1:<port><path>} */
    public URI http(String path) {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + path);
    }

    /** The TLS port, for a URL with whatever host name or scheme a test breaks. */
    public int httpsPort() {
        return https.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
            String path = exchange.getRequestURI().getPath();
            if (path.equals(INVALID_TARGET)) {
                send(exchange, 400, "application/json", "{\"error\":\"invalid_target\","
                        + "\"error_description\":\"unknown resource\"}");
            } else if (path.equals(LOGIN_PAGE)) {
                send(exchange, 200, "text/html;charset=UTF-8", "<!DOCTYPE html><html><body><form method=\"post\">"
                        + "Sign in <input name=\"username\"><input type=\"password\" name=\"password\"></form></body>"
                        + "</html>");
            } else {
                send(exchange, 404, "text/plain", "not found");
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        http.stop(0);
        https.stop(0);
        threads.shutdownNow();
    }
}
