package dev.oauthagent.agent.token.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.config.GrantType;
import dev.oauthagent.agent.token.TestClients;
import dev.oauthagent.agent.token.TokenRequest;
import java.net.URI;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientCredentialsGrantTest {
    private static final URI URL = URI.create("https://as.example/oauth2/token");

    @Test
    void sendsGrantTypeSpaceJoinedScopeAudienceAndOneResourceParameterPerResource() {
        TokenRequest.Builder b = TokenRequest.builder(URL);
        new ClientCredentialsGrant(List.of("orders:read", "orders:write"), "https://api.example",
                List.of("https://api.example/orders", "https://api.example/invoices")).addTo(b);
        TokenRequest request = b.build();

        assertThat(request.formValues("grant_type")).containsExactly("client_credentials");
        assertThat(request.formValues("scope")).containsExactly("orders:read orders:write");
        assertThat(request.formValues("audience")).containsExactly("https://api.example");
        assertThat(request.formValues("resource"))
                .containsExactly("https://api.example/orders", "https://api.example/invoices");
    }

    @Test
    void omitsScopeAudienceAndResourceWhenNotConfigured() {
        TokenRequest.Builder b = TokenRequest.builder(URL);
        new ClientCredentialsGrant(Collections.emptyList(), null, Collections.emptyList()).addTo(b);

        assertThat(b.build().formParameters()).extracting(p -> p.getKey()).containsExactly("grant_type");
    }

    @Test
    void forClientBuildsTheClientCredentialsGrantFromConfig() {
        ClientConfig client = TestClients.billing(URL).scopes(List.of("a", "b")).audience("aud").build();
        TokenRequest.Builder b = TokenRequest.builder(URL);

        Grant.forClient(client).addTo(b);

        assertThat(b.build().formValues("scope")).containsExactly("a b");
        assertThat(b.build().formValues("audience")).containsExactly("aud");
    }

    @Test
    void forClientRefusesAUserGrantWhichHasNoFixedGrant() {
        ClientConfig client = TestClients.billing(URL).grantType(GrantType.DEVICE_CODE).build();

        assertThatThrownBy(() -> Grant.forClient(client))
                .hasMessageContaining("client 'billing'")
                .hasMessageContaining("has no fixed grant");
    }
}
