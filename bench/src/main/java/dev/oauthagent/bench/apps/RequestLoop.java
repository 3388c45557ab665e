package dev.oauthagent.bench.apps;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.sun.management.OperatingSystemMXBean;

/**
 * Sends GET requests one after the other to one URL, in batches the harness asks for on stdin, and reports
 * each batch. The harness keeps two of these alive at once (without and with the agent) and alternates their
 * batches, so both see the same machine load at nearly the same time.
 *
 * <p>Usage: {@code RequestLoop <urlconnection|httpclient> <url>}, then one line per batch on stdin holding the
 * number of requests; each batch answers one line {@code BATCH requests=<n> nanos=<wall> cpuNanos=<process
 * CPU> threadCpuNanos=<this thread's CPU> compileMillis=<JIT time since the previous batch> failed=<non-200
 * count>}. End of input ends the program, with exit code 1 if any request failed.
 *
 * <p>The figures beside the wall time: the process CPU (all threads: the client's own, java.net.http's
 * selector, JIT, GC, the agent's), the sending thread's CPU (what the requests themselves cost), and the JIT
 * compiler's time since the last batch, from which the harness tells when the JVM has stopped warming up.
 *
 * <p>Both clients keep the connection alive (the body is read to the end), as a real application would.
 */
public final class RequestLoop {
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

    private RequestLoop() {
    }

    public static void main(String[] args) throws Exception {
        Sender sender = senderFor(args[0], URI.create(args[1]));
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        long anyFailed = 0;
        long compileMillis = JIT.getTotalCompilationTime();
        String line;
        while ((line = commands.readLine()) != null && !line.isBlank()) {
            int requests = Integer.parseInt(line.trim());
            long cpuStart = OS.getProcessCpuTime();
            long threadCpuStart = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            int failed = send(sender, requests);
            long nanos = System.nanoTime() - start;
            long threadCpuNanos = THREADS.getCurrentThreadCpuTime() - threadCpuStart;
            long cpuNanos = OS.getProcessCpuTime() - cpuStart;
            long compiledNow = JIT.getTotalCompilationTime();
            System.out.println("BATCH requests=" + requests + " nanos=" + nanos + " cpuNanos=" + cpuNanos
                    + " threadCpuNanos=" + threadCpuNanos + " compileMillis=" + (compiledNow - compileMillis)
                    + " failed=" + failed);
            System.out.flush();
            compileMillis = compiledNow;
            anyFailed += failed;
        }
        System.exit(anyFailed == 0 ? 0 : 1);
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
