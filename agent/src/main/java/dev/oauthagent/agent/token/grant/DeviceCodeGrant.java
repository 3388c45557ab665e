package dev.oauthagent.agent.token.grant;

import dev.oauthagent.agent.token.TokenRequest;

/**
 * The device access token request (RFC 8628 §3.4): {@code grant_type=urn:ietf:params:oauth:grant-type:device_code}
 * and the {@code device_code} from the device authorization response. Sent once per poll, under the client's
 * usual authentication. The device code is a credential: {@link TokenRequest#toString()} masks it.
 */
public final class DeviceCodeGrant implements Grant {
    public static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:device_code";

    private final String deviceCode;

    public DeviceCodeGrant(String deviceCode) {
        if (deviceCode == null || deviceCode.isEmpty()) {
            throw new IllegalArgumentException("device_code must not be empty");
        }
        this.deviceCode = deviceCode;
    }

    @Override
    public void addTo(TokenRequest.Builder request) {
        request.formParameter("grant_type", GRANT_TYPE);
        request.formParameter("device_code", deviceCode);
    }

    @Override
    public String toString() {
        return "DeviceCodeGrant{deviceCode=****}";
    }
}
