package dev.oauthagent.bench.apps;

import java.net.URI;

/**
 * {@link LibraryHello}'s counterpart with the JDK's clients only: builds a {@code java.net.http.HttpClient} and opens
 * an {@code HttpURLConnection}, as an application's wiring does at start, and with {@code requests} sends one GET
 * through each. Unlike {@code Hello}, it lives long enough for the agent's start-up thread to finish (its first token
 * request, its hooks): the baseline that {@code LibraryHello} is compared with to isolate what the libraries' hooks
 * cost.
 *
 * <p>Usage: {@code JdkHello <url> <clients|requests>}; prints {@code JDK_HELLO requests=<n>}.
 */
public final class JdkHello {
    private JdkHello() {
    }

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        Senders.startAndExit("JDK_HELLO", args[1], new RequestLoop.UrlConnectionSender(uri.toURL()),
                new RequestLoop.HttpClientSender(uri));
    }
}
