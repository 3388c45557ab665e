package dev.oauthagent.e2e.contract;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * What one test-app run sends: each URL {@link #requests()} times, in order, with one method, an optional
 * header of the application's own, a pause between requests, under one redirect policy, optionally with
 * background traffic from another thread.
 *
 * @param header {@code "Name: value"} or null
 * @param ordered each request leaves only once the answer to the one before came back, as it does anyway with
 *                a client that waits for answers; a client that does not (sendAsync) is told to wait for each
 * @param background a URL the app's second thread GETs every 100 ms while the requests run, or null
 */
public record AppRun(List<URI> urls, int requests, String method, String header, long pauseMillis,
        RedirectPolicy redirect, boolean ordered, URI background) {

    public static AppRun of(List<URI> urls, RedirectPolicy redirect) {
        return new AppRun(List.copyOf(urls), 1, "GET", null, 0, redirect, false, null);
    }

    public AppRun background(URI url) {
        return new AppRun(urls, requests, method, header, pauseMillis, redirect, ordered, url);
    }

    public AppRun requests(int count) {
        return new AppRun(urls, count, method, header, pauseMillis, redirect, ordered, background);
    }

    public AppRun method(String newMethod) {
        return new AppRun(urls, requests, newMethod, header, pauseMillis, redirect, ordered, background);
    }

    public AppRun header(String nameAndValue) {
        return new AppRun(urls, requests, method, nameAndValue, pauseMillis, redirect, ordered, background);
    }

    public AppRun pauseMillis(long pause) {
        return new AppRun(urls, requests, method, header, pause, redirect, ordered, background);
    }

    /** See {@code ordered} above: ordering by events (answers), where a pause would order by time. */
    public AppRun inOrder() {
        return new AppRun(urls, requests, method, header, pauseMillis, redirect, true, background);
    }

    /** The URL request {@code n} (1-based) went to. */
    public URI urlOf(int n) {
        return urls.get((n - 1) / requests);
    }

    public int total() {
        return urls.size() * requests;
    }

    /**
     * The arguments of an app that may send without waiting for answers: {@link #commonArgs()}, the app's
     * {@code own}, {@code --await-each=true} when the run is {@link #ordered()}, then the redirect policy's.
     */
    public List<String> argsWithAwaitEach(String... own) {
        List<String> args = commonArgs();
        args.addAll(List.of(own));
        if (ordered) {
            args.add("--await-each=true");
        }
        args.addAll(redirect.args());
        return args;
    }

    /** The arguments of an app that waits for each answer: {@link #commonArgs()}, the app's {@code own}, the policy's. */
    public List<String> argsWith(String... own) {
        List<String> args = commonArgs();
        args.addAll(List.of(own));
        args.addAll(redirect.args());
        return args;
    }

    /** The options every contract test app understands, without the redirect policy's. */
    public List<String> commonArgs() {
        List<String> args = new ArrayList<>();
        urls.forEach(url -> args.add("--url=" + url));
        args.add("--requests=" + requests);
        args.add("--method=" + method);
        args.add("--pause-ms=" + pauseMillis);
        if (header != null) {
            args.add("--header=" + header);
        }
        if (background != null) {
            args.add("--background-url=" + background);
        }
        return args;
    }
}
