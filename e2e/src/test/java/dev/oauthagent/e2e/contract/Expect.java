package dev.oauthagent.e2e.contract;

import java.net.URI;

/**
 * One request target and what must arrive there: a token of {@code client}, or no Authorization header at all
 * ({@code client} null).
 */
record Expect(URI url, String client) {

    static Expect token(String client, URI url) {
        return new Expect(url, client);
    }

    static Expect nothing(URI url) {
        return new Expect(url, null);
    }

    /** The request path, which identifies the recorded line (every case path is unique). */
    String path() {
        return url.getRawPath();
    }

    @Override
    public String toString() {
        return url + (client == null ? " -> no Authorization" : " -> token of '" + client + "'");
    }
}
