package dev.oauthagent.agent.token.code;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * An authorization server on the loopback playing both endpoints of the code flow: /authorize redirects at once
 * with a fresh code (a person already logged in), or answers what the test scripts; /token redeems a code only
 * with the redirect_uri it was issued for and the verifier of its challenge (RFC 7636 §4.6).
 */
final class FakeAuthorizationServer implements AutoCloseable {
    static {
        // Without it the JDK server waits ~40 ms per keep-alive exchange (Nagle against delayed ACK).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    static final String ACCESS_TOKEN = "at-6f1d0c3a9b2e4d7f8a1c5e9b3d7f2a6c";
    static final String REFRESH_TOKEN = "rt-0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d";

    /** What /authorize answers instead of the redirect with a code; null means the redirect. */
    interface AuthorizeScript extends Function<Map<String, String>, Reply> {
    }

    static final class Reply {
        final int status;
        final String contentType;
        final String body;
        final String location;
        final Map<String, String> headers = new java.util.LinkedHashMap<>();

        Reply(int status, String contentType, String body, String location) {
            this.status = status;
            this.contentType = contentType;
            this.body = body;
            this.location = location;
        }

        static Reply of(int status, String contentType, String body) {
            return new Reply(status, contentType, body, null);
        }

        Reply header(String name, String value) {
            headers.put(name, value);
            return this;
        }
    }

    private final HttpServer server;
    private final List<Map<String, String>> authorizeRequests = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> tokenRequests = new CopyOnWriteArrayList<>();
    private final List<String> tokenAuthorizations = new CopyOnWriteArrayList<>();
    private final Map<String, Map<String, String>> issuedCodes = new ConcurrentHashMap<>();
    private final List<String> codes = new CopyOnWriteArrayList<>();
    private volatile AuthorizeScript script = q -> null;
    private volatile String tokenRefusal;

    FakeAuthorizationServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.start();
    }

    URI authorizationUrl() {
        return URI.create(base() + "/authorize");
    }

    URI tokenUrl() {
        return URI.create(base() + "/token");
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void script(AuthorizeScript script) {
        this.script = script;
    }

    /** Every token request is answered 401 with this error from now on. */
    void refuseTokens(String error) {
        this.tokenRefusal = error;
    }

    List<Map<String, String>> authorizeRequests() {
        return authorizeRequests;
    }

    List<Map<String, String>> tokenRequests() {
        return tokenRequests;
    }

    /** The Authorization header of each token request, or "" when it had none. */
    List<String> tokenAuthorizations() {
        return tokenAuthorizations;
    }

    /** Every code issued, in order. */
    List<String> codes() {
        return codes;
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = Forms.parse(exchange.getRequestURI().getRawQuery());
        authorizeRequests.add(query);
        Reply scripted = script.apply(query);
        if (scripted != null) {
            send(exchange, scripted);
            return;
        }
        String code = "code-" + java.util.UUID.randomUUID();
        codes.add(code);
        issuedCodes.put(code, query);
        String redirect = query.get("redirect_uri");
        String location = redirect + (redirect.contains("?") ? "&" : "?") + "code=" + code + "&state="
                + Forms.encode(query.get("state"));
        send(exchange, new Reply(302, null, "", location));
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = Forms.parse(new String(exchange.getRequestBody().readAllBytes(),
                StandardCharsets.UTF_8));
        tokenRequests.add(form);
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        tokenAuthorizations.add(authorization == null ? "" : authorization);
        if (tokenRefusal != null) {
            send(exchange, Reply.of(401, "application/json", "{\"error\":\"" + tokenRefusal + "\"}"));
            return;
        }
        Map<String, String> issued = issuedCodes.remove(String.valueOf(form.get("code")));
        if (!"authorization_code".equals(form.get("grant_type")) || issued == null
                || !issued.get("redirect_uri").equals(form.get("redirect_uri"))
                || !"S256".equals(issued.get("code_challenge_method"))
                || !issued.get("code_challenge").equals(challengeOf(form.get("code_verifier")))) {
            send(exchange, Reply.of(400, "application/json", "{\"error\":\"invalid_grant\"}"));
            return;
        }
        send(exchange, Reply.of(200, "application/json", "{\"access_token\":\"" + ACCESS_TOKEN + "\","
                + "\"token_type\":\"Bearer\",\"expires_in\":300,\"refresh_token\":\"" + REFRESH_TOKEN + "\"}"));
    }

    static String challengeOf(String verifier) {
        if (verifier == null) {
            return "";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        byte[] body = reply.body.getBytes(StandardCharsets.UTF_8);
        if (reply.contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", reply.contentType);
        }
        if (reply.location != null) {
            exchange.getResponseHeaders().set("Location", reply.location);
        }
        reply.headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(reply.status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** application/x-www-form-urlencoded, one value per name (the tests send none twice). */
    static final class Forms {
        private Forms() {
        }

        static Map<String, String> parse(String raw) {
            Map<String, String> out = new java.util.LinkedHashMap<>();
            if (raw == null || raw.isEmpty()) {
                return out;
            }
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String name = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.put(name, value);
            }
            return out;
        }

        static String encode(String value) {
            return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
