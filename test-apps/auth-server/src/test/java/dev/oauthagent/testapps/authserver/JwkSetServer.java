package dev.oauthagent.testapps.authserver;

import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** Serves one JWK set at {@code /jwks} on loopback, as a client's JWK set URL the server fetches keys from. */
final class JwkSetServer implements AutoCloseable {
    private final HttpServer http;

    private JwkSetServer(HttpServer http) {
        this.http = http;
    }

    static JwkSetServer serve(JWKSet keys) throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        byte[] body = keys.toString().getBytes(StandardCharsets.UTF_8);
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        http.start();
        return new JwkSetServer(http);
    }

    /** The {@code --client-jwk-set-url} option naming this set. */
    String option() {
        return "--client-jwk-set-url=http://127.0.0.1:" + http.getAddress().getPort() + "/jwks";
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
