package dev.oauthagent.bench.apps;

import java.net.URI;

/**
 * The start-up comparison's application that uses OkHttp and Apache HttpClient 4 and 5 at once: builds a client of
 * each, as an application's wiring does at start, and with a URL sends one GET through each, which loads the classes
 * the agent hooks (its start-up gate holds them until its hooks are in place). Then exits; what it costs beyond
 * {@code Hello} is the libraries', and with the agent, their hooks'.
 *
 * <p>Usage: {@code LibraryHello <url> <clients|requests>}: {@code clients} builds the clients only,
 * {@code requests} also sends the GETs (each must answer 200). Prints {@code LIBRARY_HELLO requests=<n>}.
 */
public final class LibraryHello {
    private LibraryHello() {
    }

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        Senders.startAndExit("LIBRARY_HELLO", args[1], new OkHttpSender(uri), new Apache4Sender(uri),
                new Apache5Sender(uri));
    }
}
