package dev.oauthagent.agent.instrument.okhttp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.agent.AllocationMeter;
import dev.oauthagent.agent.inject.InjectorFixture;

import java.io.IOException;
import java.io.UncheckedIOException;

import okhttp3.Request;
import org.junit.jupiter.api.Test;

/**
 * The hop runs on every request an application sends through OkHttp: deciding it must not allocate. Putting a
 * header on is OkHttp's own copy of the request (its requests are immutable); the decision itself is shown here on
 * hops that need no copy. Counts bytes, not time; the JMH benchmark in bench/ (LibraryHopBenchmark) has the figures.
 */
class OkHttpHopAllocationTest {
    private final InjectorFixture f = InjectorFixture.twoClients();
    private final OkHttpHop hop = new OkHttpHop(f.injector());

    @Test
    void aHopNoClientMatchesAllocatesNothing() {
        Request request = new Request.Builder().url("https://cdn.example.net/static/app.js").build();

        assertThat(AllocationMeter.bytesPerCall(() -> beforeHeaders(request))).isLessThan(1.0);
    }

    @Test
    void decidingAMatchedHopAllocatesNothing() throws IOException {
        Request request = new Request.Builder().url("https://orders.example.com/api/items/42?page=2").build();
        Request carrying = (Request) hop.beforeHeaders(request); // already carries the current token: nothing to copy

        assertThat(AllocationMeter.bytesPerCall(() -> beforeHeaders(carrying))).isLessThan(1.0);
        assertThat(hop.beforeHeaders(carrying)).isSameAs(carrying);
    }

    private void beforeHeaders(Request request) {
        try {
            hop.beforeHeaders(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
