package dev.oauthagent.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.agent.inject.InjectorFixture;

import java.net.URL;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClientAttributesTest {
    private final InjectorFixture f = InjectorFixture.twoClients();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void theSummaryLineHasTheMBeansNumbersAndNoToken() throws Exception {
        ClientMetrics orders = f.metrics.get("orders");
        orders.tokenRequested();
        orders.tokenRequested();
        orders.tokenFailed("http_503", 0);
        f.injector.authorizationFor(new URL("https://orders.example.com/api/a"), null);
        ClientAttributes attributes = new ClientAttributes("orders", orders, f.cache("orders"), () -> 3);

        assertThat(attributes.summary()).matches("client 'orders': token requests 2, failures 1 \\[http_503=1\\], last"
                + " http_503 at 1970-01-01T00:00:00Z; token expires in \\d+s; requests: injected 1, skipped \\(own"
                + " header\\) 0, refused \\(fail-closed\\) 0; redactions 3")
                .doesNotContain("orders-token-1");
    }

    @Test
    void withoutAnythingYetTheSummarySaysSo() {
        ClientAttributes billing = new ClientAttributes("billing", f.metrics.get("billing"), f.cache("billing"),
                RedactionCount.NONE);

        assertThat(billing.summary()).isEqualTo("client 'billing': token requests 0, failures 0; token expires in -"
                + " (no token); requests: injected 0, skipped (own header) 0, refused (fail-closed) 0; redactions 0");
    }
}
