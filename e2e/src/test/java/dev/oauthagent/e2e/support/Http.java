package dev.oauthagent.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Plain requests the test itself sends (never through the agent), with timeouts and no redirects followed;
 * https only to the test servers ({@link TestTls}).
 */
public final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private static HttpClient tlsClient;
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private Http() {
    }

    /** A status, the headers that matter to the tests, and the body as text. */
    public record Response(int status, HttpResponse<String> raw) {
        public String body() {
            return raw.body();
        }

        /** The first value of {@code name}, or null. */
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    /** @param authorization the whole Authorization header value, or null for none */
    public static Response get(URI uri, String authorization) {
        return send(builder(uri, authorization).GET(), uri);
    }

    /** @param authorization the whole Authorization header value, or null for none */
    public static Response post(URI uri, String authorization, String body) {
        return send(builder(uri, authorization).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body)), uri);
    }

    /** The test JVM's client for {@code uri}: https trusts only the test servers' certificate. */
    static HttpClient clientFor(URI uri) {
        return "https".equalsIgnoreCase(uri.getScheme()) ? tlsClient() : CLIENT;
    }

    private static synchronized HttpClient tlsClient() {
        if (tlsClient == null) {
            tlsClient = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .sslContext(TestTls.get().sslContext())
                    .build();
        }
        return tlsClient;
    }

    private static HttpRequest.Builder builder(URI uri, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(READ_TIMEOUT);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    private static Response send(HttpRequest.Builder request, URI uri) {
        try {
            HttpResponse<String> response = clientFor(uri).send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException("request to " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during request to " + uri, e);
        }
    }
}
