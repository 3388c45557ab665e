package dev.oauthagent.agent.config;

/** How the client authenticates at the token endpoint (RFC 6749 §2.3.1, OIDC Core §9 names). */
public enum ClientAuthMethod {
    CLIENT_SECRET_BASIC("client_secret_basic"),
    CLIENT_SECRET_POST("client_secret_post"),
    /** A JWT signed with the client's private key (RFC 7523 §2.2, OIDC Core §9); no secret. */
    PRIVATE_KEY_JWT("private_key_jwt"),
    /** A JWT signed with HS256 keyed by the client secret (OIDC Core §9); the secret itself is not sent. */
    CLIENT_SECRET_JWT("client_secret_jwt"),
    /**
     * A client assertion someone else signed, read from {@code client-assertion} (a workload identity's token file).
     * Not a value of {@code client-auth}: setting {@code client-assertion} selects it.
     */
    CLIENT_ASSERTION("client_assertion"),
    /** Mutual TLS with a certificate from a CA the server trusts for this client (RFC 8705 §2.1); no secret. */
    TLS_CLIENT_AUTH("tls_client_auth"),
    /** Mutual TLS with a self-signed certificate the server knows from the client's registration (RFC 8705 §2.2). */
    SELF_SIGNED_TLS_CLIENT_AUTH("self_signed_tls_client_auth"),
    /** A public client (RFC 6749 §2.1): it has no secret and sends only its client_id. User grants only. */
    NONE("none");

    private final String configName;

    ClientAuthMethod(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    /** Whether this method sends a client secret, so the client needs one. */
    public boolean usesSecret() {
        return this != NONE && this != PRIVATE_KEY_JWT && this != CLIENT_ASSERTION && !presentsCertificate();
    }

    /** Whether the client proves itself by its certificate in the TLS handshake with the token endpoint. */
    public boolean presentsCertificate() {
        return this == TLS_CLIENT_AUTH || this == SELF_SIGNED_TLS_CLIENT_AUTH;
    }

    /** Whether {@code client-auth} may name it; {@link #CLIENT_ASSERTION} is chosen by its own key. */
    public boolean configurable() {
        return this != CLIENT_ASSERTION;
    }

    /** Whether the client proves itself with a signed JWT, a client assertion (RFC 7523). */
    public boolean sendsAssertion() {
        return this == PRIVATE_KEY_JWT || this == CLIENT_SECRET_JWT;
    }

    /**
     * The name a server's {@code token_endpoint_auth_methods_supported} lists it by: a client assertion someone
     * else signed is, to the server, {@code private_key_jwt} (RFC 7523 §2.2 does not tell the signers apart).
     */
    public String metadataName() {
        return this == CLIENT_ASSERTION ? PRIVATE_KEY_JWT.configName : configName;
    }

    /** Whether the client proves itself with a private key: its own ({@code private_key_jwt}) or a platform's. */
    public boolean usesKey() {
        return this == PRIVATE_KEY_JWT || this == CLIENT_ASSERTION;
    }

    public static ClientAuthMethod fromConfigValue(String value) {
        for (ClientAuthMethod m : values()) {
            if (m.configurable() && m.configName.equals(value)) {
                return m;
            }
        }
        return null;
    }
}
