package dev.oauthagent.agent.instrument.okhttp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.agent.inject.InjectorFixture;

import java.io.IOException;

import okhttp3.Request;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The hop decides on the parts of OkHttp's own {@code HttpUrl} (scheme, host, port and its text from the path on),
 * not on a {@link java.net.URL} built from it: each URL here gets the token of the client named, or none, and
 * exactly the value {@code HttpURLConnection}'s hop gets for the same URL.
 */
class OkHttpHopDestinationTest {
    private final InjectorFixture f = InjectorFixture.destinations();
    private final OkHttpHop hop = new OkHttpHop(f.injector());

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "https://orders.example.com/api/items, orders",
        "https://ORDERS.Example.COM./api/items, orders",
        "https://orders.example.com:443/api, orders",
        "https://orders.example.com:8443/api, none",
        "http://orders.example.com/api, none",
        "https://user:p%40ss@orders.example.com/api/x, orders",
        "https://orders.example.com@evil.example.net/api, none",
        "https://orders.example.com/api/%69tems?q=%2F#top, orders",
        "https://orders.example.com/%61pi/items, none",
        "https://orders.example.com/api/..%2Fpublic, none",
        "https://orders.example.com/public/../api/x, orders",
        "https://orders.example.com/apiary, none",
        "https://orders.example.com?x=/api, none",
        "http://[2001:db8::1]:8443/x, local",
        "https://[2001:DB8:0:0:0:0:0:1]:8443/, local",
        "http://[2001:db8::1]/x, none",
        "https://my_svc.internal/api/x, internal",
    })
    void aHopGetsTheTokenOfTheClientItsUrlMatchesAsTheJdksClientsDo(String url, String client) throws IOException {
        Request request = new Request.Builder().url(url).build();

        String sent = ((Request) hop.beforeHeaders(request)).header("Authorization");

        assertThat(sent).isEqualTo("none".equals(client) ? null : f.tokenHeader(client))
                .isEqualTo(f.injector().authorizationFor(request.url().url(), null));
    }
}
