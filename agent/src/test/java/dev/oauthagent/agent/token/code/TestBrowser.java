package dev.oauthagent.agent.token.code;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A "person with a browser" for the code flow's tests: opens the authorization URL with java.net.http, follows
 * the server's redirect to the loopback listener by hand, and keeps each page it saw. Acts on a thread of its own
 * started by {@link #open}, as a real launcher returns before the person acts; {@link #lastPage()} waits for it.
 */
class TestBrowser implements BrowserLauncher {
    /** A step before the authorization URL is followed, with the URL the server redirects to. */
    interface Before {
        void run(TestBrowser browser, URI redirectTarget) throws Exception;
    }

    final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    final List<URI> opened = new ArrayList<>();
    final List<HttpResponse<String>> pages = new java.util.concurrent.CopyOnWriteArrayList<>();
    final List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final boolean follow;
    private Before before = (browser, target) -> { };
    private volatile Thread person;

    private TestBrowser(boolean follow) {
        this.follow = follow;
    }

    /** Follows the authorization URL and the redirect back. */
    static TestBrowser following() {
        return new TestBrowser(true);
    }

    /** Opens nothing: the person went away. */
    static TestBrowser idle() {
        return new TestBrowser(false);
    }

    TestBrowser before(Before step) {
        this.before = step;
        return this;
    }

    @Override
    public boolean open(URI url) {
        opened.add(url);
        if (!follow) {
            return false;
        }
        person = new Thread(() -> {
            try {
                HttpResponse<String> authorize = get(url);
                URI target = URI.create(authorize.headers().firstValue("Location").orElseThrow());
                before.run(this, target);
                pages.add(get(target));
            } catch (Exception e) {
                failures.add(e);
            }
        }, "test-browser");
        person.setDaemon(true);
        person.start();
        return true;
    }

    HttpResponse<String> get(URI url) throws Exception {
        return send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).GET().build());
    }

    HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The loopback page the flow answered with (the last page seen). */
    HttpResponse<String> lastPage() throws InterruptedException {
        if (person != null) {
            person.join(10_000);
        }
        if (!failures.isEmpty()) {
            throw new AssertionError("the test browser failed", failures.get(0));
        }
        return pages.get(pages.size() - 1);
    }
}
