package dev.oauthagent.agent.config;

/** How the client authenticates at the token endpoint (RFC 6749 §2.3.1, OIDC Core §9 names). */
public enum ClientAuthMethod {
    CLIENT_SECRET_BASIC("client_secret_basic"),
    CLIENT_SECRET_POST("client_secret_post");

    private final String configName;

    ClientAuthMethod(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public static ClientAuthMethod fromConfigValue(String value) {
        for (ClientAuthMethod m : values()) {
            if (m.configName.equals(value)) {
                return m;
            }
        }
        return null;
    }
}
