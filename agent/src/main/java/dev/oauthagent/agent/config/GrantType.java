package dev.oauthagent.agent.config;

/** OAuth 2.0 grant types by their RFC 6749 wire names. Only those marked implemented are accepted today. */
public enum GrantType {
    CLIENT_CREDENTIALS("client_credentials", true),
    REFRESH_TOKEN("refresh_token", false),
    DEVICE_CODE("urn:ietf:params:oauth:grant-type:device_code", false),
    AUTHORIZATION_CODE("authorization_code", false);

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
