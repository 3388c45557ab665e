package dev.oauthagent.bench.apps;

import java.io.IOException;
import java.io.InputStream;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Sends GET requests one after the other to one URL and reports the throughput of the timed part.
 *
 * <p>Usage: {@code RequestLoop <urlconnection|httpclient> <url> <warm-up requests> <timed requests>}.
 * Prints {@code RESULT client=<name> requests=<n> nanos=<elapsed> cpuNanos=<process CPU> failed=<non-200
 * count>}; exits 1 if any request failed, so a broken run cannot pass for a fast one. The process CPU time
 * (all threads: the client's own, java.net.http's selector, JIT, GC, the agent's) is the steadier figure on a
 * shared host, where wall time also measures the neighbours.
 *
 * <p>Both clients keep the connection alive (the body is read to the end), as a real application would:
 * the figure is the per-request cost of the client, plus that of the agent when it is attached.
 */
public final class RequestLoop {
    private RequestLoop() {
    }

    public static void main(String[] args) throws Exception {
        String client = args[0];
        URI uri = URI.create(args[1]);
        int warmUp = Integer.parseInt(args[2]);
        int timed = Integer.parseInt(args[3]);
        Sender sender = senderFor(client, uri);

        int failed = send(sender, warmUp);
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        failed += send(sender, timed);
        long nanos = System.nanoTime() - start;
        long cpuNanos = processCpuNanos() - cpuStart;
        System.out.println("RESULT client=" + client + " requests=" + timed + " nanos=" + nanos + " cpuNanos="
                + cpuNanos + " failed=" + failed);
        System.exit(failed == 0 ? 0 : 1);
    }

    private static Sender senderFor(String client, URI uri) throws IOException {
        switch (client) {
            case "urlconnection":
                return new UrlConnectionSender(uri.toURL());
            case "httpclient":
                return new HttpClientSender(uri);
            default:
                throw new IllegalArgumentException("client must be urlconnection or httpclient, not " + client);
        }
    }

    private static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
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

    private interface Sender {
        /** One GET, body read to the end; returns the status. */
        int get() throws Exception;
    }

    private static final class UrlConnectionSender implements Sender {
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

    private static final class HttpClientSender implements Sender {
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
