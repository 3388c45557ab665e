package dev.oauthagent.agent.token.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.agent.config.ClientAuthMethod;
import dev.oauthagent.agent.config.Secret;
import dev.oauthagent.agent.token.FormEncodingSpec;
import dev.oauthagent.agent.token.TestClients;
import dev.oauthagent.agent.token.TokenRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ClientAuthenticationTest {
    private static final URI URL = URI.create("https://as.example/oauth2/token");

    private static String basicHeader(String id, String secret) {
        TokenRequest.Builder b = TokenRequest.builder(URL);
        new ClientSecretBasic(id, Secret.of(secret, "test")).applyTo(b);
        return b.build().headers().get("Authorization");
    }

    @ParameterizedTest(name = "id [{0}] secret [{1}]")
    @CsvSource(delimiter = '|', value = {
            "plain-client|plainsecret",
            "client:with:colons|secret:with:colons",
            "client+plus|se+cret+",
            "client with space|secret with space",
            "client%41percent|100%25%",
            "clïent-ünïcode|sécret-€-\uD83D\uDD11",
            "a/b?c=d&e|~!'()*._-",
    })
    void basicHeaderFormEncodesIdAndSecretBeforeBase64(String id, String secret) {
        assertThat(basicHeader(id, secret)).isEqualTo(FormEncodingSpec.basicHeader(id, secret));
    }

    @Test
    void basicHeaderForAKnownVector() {
        // "a:b" / "c d%" -> "a%3Ab:c+d%25" -> base64
        assertThat(basicHeader("a:b", "c d%")).isEqualTo("Basic YSUzQWI6YytkJTI1");
    }

    @Test
    void postPutsIdAndSecretInTheFormAndNoAuthorizationHeader() {
        TokenRequest.Builder b = TokenRequest.builder(URL);
        new ClientSecretPost("billing-service", Secret.of("p:s +%", "test")).applyTo(b);
        TokenRequest request = b.build();

        assertThat(request.formValues("client_id")).containsExactly("billing-service");
        assertThat(request.formValues("client_secret")).containsExactly("p:s +%");
        assertThat(request.headers()).doesNotContainKey("Authorization");
        assertThat(new String(request.formBody(), StandardCharsets.US_ASCII))
                .isEqualTo("client_id=billing-service&client_secret=p%3As+%2B%25");
    }

    @Test
    void aPublicClientSendsOnlyItsIdInTheForm() {
        TokenRequest.Builder b = TokenRequest.builder(URL);
        ClientAuthentication.forClient(TestClients.billing(URL).clientSecret(null).clientAuth(ClientAuthMethod.NONE)
                .build()).applyTo(b);
        TokenRequest request = b.build();

        assertThat(request.headers()).doesNotContainKey("Authorization");
        assertThat(new String(request.formBody(), StandardCharsets.US_ASCII)).isEqualTo("client_id=billing-service");
    }

    @Test
    void forClientChoosesTheConfiguredMethod() {
        assertThat(ClientAuthentication.forClient(TestClients.billing(URL).build()))
                .isInstanceOf(ClientSecretBasic.class);
        assertThat(ClientAuthentication.forClient(
                TestClients.billing(URL).clientAuth(ClientAuthMethod.CLIENT_SECRET_POST).build()))
                .isInstanceOf(ClientSecretPost.class);
    }

    @Test
    void toStringOfEitherMethodNeverShowsTheSecret() {
        Secret secret = Secret.of("the-real-secret", "env var X");

        assertThat(new ClientSecretBasic("id", secret).toString()).doesNotContain("the-real-secret");
        assertThat(new ClientSecretPost("id", secret).toString()).doesNotContain("the-real-secret");
    }
}
