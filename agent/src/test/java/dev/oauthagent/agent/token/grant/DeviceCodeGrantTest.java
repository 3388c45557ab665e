package dev.oauthagent.agent.token.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oauthagent.agent.token.TokenRequest;
import java.net.URI;
import org.junit.jupiter.api.Test;

class DeviceCodeGrantTest {
    private static final String DEVICE_CODE = "GmRhmhcxhwAzkoEqiMEg_DnyEysNkuNhszIySk9eS";

    @Test
    void sendsTheRfc8628GrantTypeAndTheDeviceCode() {
        TokenRequest.Builder b = TokenRequest.builder(URI.create("https://as.example/oauth2/token"));
        new DeviceCodeGrant(DEVICE_CODE).addTo(b);
        TokenRequest request = b.build();

        assertThat(request.formValues("grant_type")).containsExactly("urn:ietf:params:oauth:grant-type:device_code");
        assertThat(request.formValues("device_code")).containsExactly(DEVICE_CODE);
        assertThat(request.toString()).doesNotContain(DEVICE_CODE).contains("device_code=****");
    }

    @Test
    void theGrantItselfDoesNotShowTheCode() {
        assertThat(new DeviceCodeGrant(DEVICE_CODE).toString()).doesNotContain(DEVICE_CODE);
    }

    @Test
    void anEmptyDeviceCodeIsAProgrammingError() {
        assertThatThrownBy(() -> new DeviceCodeGrant("")).isInstanceOf(IllegalArgumentException.class);
    }
}
