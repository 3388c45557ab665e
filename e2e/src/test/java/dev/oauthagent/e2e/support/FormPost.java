package dev.oauthagent.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** An {@code application/x-www-form-urlencoded} POST, as a token request is, sent by the test itself. */
public final class FormPost {
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final URI uri;
    private final List<String> fields = new ArrayList<>();
    private String authorization;

    private FormPost(URI uri) {
        this.uri = uri;
    }

    public static FormPost to(URI uri) {
        return new FormPost(uri);
    }

    /** HTTP Basic, with both parts form-encoded first as RFC 6749 section 2.3.1 asks. */
    public FormPost basicAuth(String user, String password) {
        String pair = encode(user) + ":" + encode(password);
        authorization = "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public FormPost field(String name, String value) {
        fields.add(encode(name) + "=" + encode(value));
        return this;
    }

    public HttpResponse<String> send() {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(READ_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", fields)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return Http.clientFor(uri).send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("POST " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during POST " + uri, e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
