package dev.oauthagent.bench.apps;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Sends GET requests one after the other to one URL, in batches the harness asks for on stdin, and reports
 * each batch. The harness keeps two of these alive at once (without and with the agent) and alternates their
 * batches, so both see the same machine load at nearly the same time.
 *
 * <p>Usage: {@code RequestLoop <urlconnection|httpclient|okhttp|apache4|apache5|apache5async> <url>}, then batches as {@link BatchLoop} describes:
 * a number of requests in, a {@code BATCH} line out, {@code failed} counting the answers other than 200. End of
 * input ends the program, with exit code 1 if any request failed. The process CPU includes java.net.http's
 * selector thread.
 *
 * <p>Every client keeps the connection alive (the body is read to the end), as a real application would, and
 * builds a new request object per request. The libraries' clients (OkHttp, Apache HttpClient 4 and 5) need their
 * jars on the class path (bench/target/http-libs).
 */
public final class RequestLoop {
    private RequestLoop() {
    }

    public static void main(String[] args) throws Exception {
        Sender sender = senderFor(args[0], URI.create(args[1]));
        long failed = BatchLoop.serve(requests -> send(sender, requests));
        System.exit(failed == 0 ? 0 : 1);
    }

    private static Sender senderFor(String client, URI uri) throws IOException {
        switch (client) {
            case "urlconnection":
                return new UrlConnectionSender(uri.toURL());
            case "httpclient":
                return new HttpClientSender(uri);
            case "okhttp":
                return new OkHttpSender(uri);
            case "apache4":
                return new Apache4Sender(uri);
            case "apache5":
                return new Apache5Sender(uri);
            case "apache5async":
                return new Apache5AsyncSender(uri);
            default:
                throw new IllegalArgumentException("client must be urlconnection, httpclient, okhttp, apache4, apache5"
                        + " or apache5async, not " + client);
        }
    }

    private static int send(Sender sender, int requests) throws Exception {
        int failed = 0;
        for (int i = 0; i < requests; i++) {
            if (sender.get() != 200) {
                failed++;
            }
        }
        return failed;
    }

    static final class UrlConnectionSender implements Sender {
        private final URL url;

        UrlConnectionSender(URL url) {
            this.url = url;
        }

        @Override
        public int get() throws IOException {
            HttpURLConnection connection = (HttpURLConnection) url.openConnection();
            connection.setConnectTimeout(10_000);
            connection.setReadTimeout(30_000);
            int status = connection.getResponseCode();
            // Reading to the end and closing hands the socket back to the keep-alive cache.
            try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                if (body != null) {
                    body.readAllBytes();
                }
            }
            return status;
        }
    }

    static final class HttpClientSender implements Sender {
        private final HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1) // plain http: no h2c upgrade attempt on each connection
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        private final URI uri;

        HttpClientSender(URI uri) {
            this.uri = uri;
        }

        @Override
        public int get() throws IOException, InterruptedException {
            // A new request each time, as applications build them.
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build();
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
        }
    }
}
