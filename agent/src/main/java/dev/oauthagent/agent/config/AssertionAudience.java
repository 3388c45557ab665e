package dev.oauthagent.agent.config;

/** What a client assertion names as its {@code aud}: the token endpoint (RFC 7523's default) or the issuer. */
public enum AssertionAudience {
    TOKEN_ENDPOINT("token-endpoint"),
    ISSUER("issuer");

    private final String configName;

    AssertionAudience(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public static AssertionAudience fromConfigValue(String value) {
        for (AssertionAudience a : values()) {
            if (a.configName.equals(value)) {
                return a;
            }
        }
        return null;
    }
}
