package dev.oauthagent.agent.instrument.httpclient;

import dev.oauthagent.agent.config.FailMode;
import dev.oauthagent.agent.inject.InjectorFixture;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An {@link HttpClientHop} on {@link FakeHttpClient}, deciding with the {@link InjectorFixture}'s real injector:
 * each client's token endpoint is a counter ({@code <client>-token-<n>}), on a manual clock; a token changes
 * only when a test makes it.
 */
final class HopFixture {
    private final InjectorFixture injectors = new InjectorFixture();
    final AtomicLong now = injectors.now;
    final FakeHttpClient jdk = new FakeHttpClient();
    HttpClientHop hop;

    /** A client for {@code https://<host>/api}. */
    HopFixture client(String name, String host, FailMode failMode, boolean overrideExisting) {
        injectors.client(name, host, "/api", failMode, overrideExisting);
        return this;
    }

    HopFixture build() {
        hop = new HttpClientHop(injectors.build().injector, jdk);
        return this;
    }

    /** How many tokens {@code client}'s endpoint issued. */
    AtomicInteger fetches(String client) {
        return injectors.sources.get(client).fetches;
    }

    /** From now on {@code client}'s token endpoint refuses the connection. */
    void failing(String client) {
        injectors.sources.get(client).failing = true;
    }
}
