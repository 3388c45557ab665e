package dev.oauthagent.agent.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TokenRequestTest {
    private static final URI URL = URI.create("https://as.example/oauth2/token");

    @Test
    void builderCarriesFormContentTypeAndJsonAccept() {
        TokenRequest request = TokenRequest.builder(URL).build();

        assertThat(request.headers())
                .containsEntry("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .containsEntry("Accept", "application/json");
    }

    @Test
    void formBodyEncodesNamesAndValuesAndKeepsRepeatedNamesInOrder() {
        TokenRequest request = TokenRequest.builder(URL)
                .formParameter("scope", "read write")
                .formParameter("resource", "https://api.example/a?x=1&y=ü")
                .formParameter("resource", "urn:b")
                .build();

        assertThat(new String(request.formBody(), StandardCharsets.US_ASCII)).isEqualTo(
                "scope=read+write&resource=https%3A%2F%2Fapi.example%2Fa%3Fx%3D1%26y%3D%C3%BC&resource=urn%3Ab");
        assertThat(request.formValues("resource")).containsExactly("https://api.example/a?x=1&y=ü", "urn:b");
    }

    @Test
    void toStringMasksAuthorizationHeaderInAnyCaseAndClientSecretParameter() {
        TokenRequest request = TokenRequest.builder(URL)
                .header("authorization", "Basic dXNlcjpzZWNyZXQtdmFsdWU=")
                .formParameter("client_id", "billing")
                .formParameter("client_secret", "secret-value")
                .build();

        assertThat(request.toString())
                .doesNotContain("dXNlcjpzZWNyZXQtdmFsdWU=")
                .doesNotContain("secret-value")
                .contains("authorization=****", "client_secret=****", "client_id=billing");
    }
}
