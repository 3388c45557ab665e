package dev.oauthagent.testapps.apache5app;

import java.util.concurrent.CompletableFuture;

/** Sends one request with one of the library's APIs; the outcome line is the app's business. */
interface Sender extends AutoCloseable {
    /** Completes with the answer, or exceptionally with what the library failed the request with. */
    CompletableFuture<Outcome> send(String url, String method);

    /** What came back: status, protocol version, body length. */
    record Outcome(int status, String version, long bytes) {
    }
}
