package dev.oauthagent.e2e.support;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The contract's leak check finds a client's credentials in each form the agent (or careless code) could print. */
class SecretFormsTest {
    private static final String ID = "api-client";
    private static final String SECRET = "post/secret+with=odd&chars%-4f1c";
    private static final Map<String, String> CREDENTIALS = SecretForms.clientCredentials("client 'api'", ID, SECRET);

    @ParameterizedTest
    @ValueSource(strings = {"plain", "basic", "percent", "form", "json", "base64", "base64url", "padded-base64"})
    void eachFormOfTheClientsCredentialsIsFoundAndTheMessageDoesNotHoldIt(String form) {
        String leaked = switch (form) {
            case "plain" -> SECRET;
            case "basic" -> "Authorization: Basic " + Base64.getEncoder().encodeToString(
                    (ID + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
            case "percent" -> URLEncoder.encode(SECRET, StandardCharsets.UTF_8).replace("+", "%20");
            case "form" -> "client_secret=" + URLEncoder.encode(SECRET, StandardCharsets.UTF_8) + "&grant_type=x";
            case "json" -> "{\"client_secret\":\"" + SECRET.replace("/", "\\/") + "\"}";
            case "base64" -> Base64.getEncoder().withoutPadding().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8));
            case "base64url" -> Base64.getUrlEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8));
            default -> Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8)) + "==";
        };
        String output = "[oauth-agent] DEBUG first line\n[oauth-agent] DEBUG " + leaked + "\n";

        assertThatThrownBy(() -> SecretForms.assertAbsent("stderr", output, CREDENTIALS))
                .isInstanceOf(AssertionError.class).hasMessageContaining("client 'api'")
                .hasMessageContaining("at line 2").hasMessageNotContaining(SECRET).hasMessageNotContaining(leaked);
    }

    @Test
    void outputWithFingerprintsOnlyPasses() {
        assertThatCode(() -> SecretForms.assertAbsent("stderr",
                "[oauth-agent] INFO client 'api': token 1a2b3c4d obtained, lifetime 300s\n", CREDENTIALS))
                .doesNotThrowAnyException();
    }
}
