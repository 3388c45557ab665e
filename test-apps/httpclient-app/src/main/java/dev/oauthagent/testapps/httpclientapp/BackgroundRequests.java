package dev.oauthagent.testapps.httpclientapp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Traffic beside the main requests: one daemon thread that sends a request again and again, every
 * {@link #PAUSE_MILLIS}, until the program ends, as a busy application's other threads do. Counts its answers;
 * prints nothing per request.
 */
final class BackgroundRequests implements Runnable {
    private static final long PAUSE_MILLIS = 100;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient client;
    private final HttpRequest request;
    private final AtomicInteger ok = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();

    private BackgroundRequests(HttpClient client, HttpRequest request) {
        this.client = client;
        this.request = request;
    }

    /** A plain GET of {@code url}, without the main requests' {@code --header}. */
    static BackgroundRequests start(HttpClient client, String url) {
        BackgroundRequests requests = new BackgroundRequests(client,
                HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build());
        Thread thread = new Thread(requests, "background-requests");
        thread.setDaemon(true);
        thread.start();
        return requests;
    }

    @Override
    public void run() {
        while (true) {
            try {
                int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                (status >= 200 && status < 300 ? ok : failed).incrementAndGet();
            } catch (IOException e) {
                failed.incrementAndGet();
            } catch (InterruptedException e) {
                return;
            }
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** {@code BACKGROUND ok=<n> failed=<m>}. */
    String summary() {
        return "BACKGROUND ok=" + ok.get() + " failed=" + failed.get();
    }
}
