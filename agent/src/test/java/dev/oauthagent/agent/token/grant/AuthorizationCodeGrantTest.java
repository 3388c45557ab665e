package dev.oauthagent.agent.token.grant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.agent.token.TokenRequest;
import java.net.URI;
import org.junit.jupiter.api.Test;

class AuthorizationCodeGrantTest {
    private static final String CODE = "SplxlOBeZQQYbYS6WxSbIA";
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    @Test
    void sendsGrantTypeCodeTheExactRedirectUriAndTheVerifierButNoClientId() {
        TokenRequest.Builder b = TokenRequest.builder(URI.create("https://as.example/token"));
        new AuthorizationCodeGrant(CODE, "http://127.0.0.1:51004/Callback/", VERIFIER).addTo(b);
        TokenRequest request = b.build();

        assertThat(request.formValues("grant_type")).containsExactly("authorization_code");
        assertThat(request.formValues("code")).containsExactly(CODE);
        assertThat(request.formValues("redirect_uri")).containsExactly("http://127.0.0.1:51004/Callback/");
        assertThat(request.formValues("code_verifier")).containsExactly(VERIFIER);
        assertThat(request.formValues("client_id")).isEmpty();
    }

    @Test
    void neitherTheGrantNorTheRequestShowTheCodeOrTheVerifier() {
        AuthorizationCodeGrant grant = new AuthorizationCodeGrant(CODE, "http://127.0.0.1:1/cb", VERIFIER);
        TokenRequest.Builder b = TokenRequest.builder(URI.create("https://as.example/token"));
        grant.addTo(b);

        assertThat(grant.toString() + b.build()).doesNotContain(CODE).doesNotContain(VERIFIER);
    }
}
