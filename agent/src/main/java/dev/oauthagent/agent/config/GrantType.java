package dev.oauthagent.agent.config;

/**
 * OAuth 2.0 grant types by their wire names. The resource-owner password grant is deliberately absent: it hands the
 * user's password to the program (RFC 9700 §2.4 forbids it), so configuration refuses it with that reason.
 */
public enum GrantType {
    CLIENT_CREDENTIALS("client_credentials", true),
    REFRESH_TOKEN("refresh_token", true),
    DEVICE_CODE("urn:ietf:params:oauth:grant-type:device_code", true),
    AUTHORIZATION_CODE("authorization_code", true);

    private final String wireName;
    private final boolean implemented;

    GrantType(String wireName, boolean implemented) {
        this.wireName = wireName;
        this.implemented = implemented;
    }

    public String wireName() {
        return wireName;
    }

    public boolean isImplemented() {
        return implemented;
    }

    /**
     * Whether a client of this grant can hold a refresh token, and so use a token store: client credentials
     * never does (RFC 6749 §4.4.3), it asks for a new access token instead.
     */
    public boolean holdsRefreshTokens() {
        return this != CLIENT_CREDENTIALS;
    }

    /** The name a configuration uses: the short form for device code, the wire name for the others. */
    public String configName() {
        return this == DEVICE_CODE ? "device_code" : wireName;
    }

    /** Accepts the wire name, or for device code also the short form "device_code". Null if unknown. */
    public static GrantType fromConfigValue(String value) {
        for (GrantType g : values()) {
            if (g.wireName.equals(value)) {
                return g;
            }
        }
        return "device_code".equals(value) ? DEVICE_CODE : null;
    }
}
