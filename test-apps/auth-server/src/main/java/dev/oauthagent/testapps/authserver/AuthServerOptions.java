package dev.oauthagent.testapps.authserver;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.Environment;

/**
 * The per-run choices a test makes. Read from Spring's environment, so {@code --token-ttl=30s} and the
 * environment variable {@code TOKEN_TTL=30s} both work (Boot maps {@code TOKEN_TTL} to {@code token-ttl}).
 */
record AuthServerOptions(Duration tokenTtl, String basicClientSecret, String postClientSecret, String audience,
        Duration shortTokenTtl, String shortClientSecret, String userPassword, String codeClientSecret,
        Duration deviceCodeTtl, Duration refreshTokenTtl, String secretJwtClientSecret, String clientJwkSetUrl,
        String mtlsClientSubjectDn) {

    static final String DEFAULT_BASIC_CLIENT_SECRET = "basic-secret";
    static final String DEFAULT_POST_CLIENT_SECRET = "post-secret";
    static final String DEFAULT_AUDIENCE = "api";
    static final Duration DEFAULT_TOKEN_TTL = Duration.ofMinutes(5);
    static final String DEFAULT_SHORT_CLIENT_SECRET = "short-secret";
    static final Duration DEFAULT_SHORT_TOKEN_TTL = Duration.ofSeconds(4);
    static final String DEFAULT_USER_PASSWORD = "password";
    static final String DEFAULT_CODE_CLIENT_SECRET = "code-secret";
    static final Duration DEFAULT_DEVICE_CODE_TTL = Duration.ofMinutes(5);
    static final Duration DEFAULT_REFRESH_TOKEN_TTL = Duration.ofHours(1);
    /** HS256 needs a key of at least 256 bits (RFC 7518 §3.2), so this secret is 32 bytes or more. */
    static final String DEFAULT_SECRET_JWT_CLIENT_SECRET = "secret-jwt-client-secret-of-32-bytes-or-more";

    static AuthServerOptions from(Environment env) {
        return new AuthServerOptions(
                lifetime(env.getProperty("token-ttl"), "token-ttl", DEFAULT_TOKEN_TTL),
                nonBlank(env, "basic-client-secret", DEFAULT_BASIC_CLIENT_SECRET),
                nonBlank(env, "post-client-secret", DEFAULT_POST_CLIENT_SECRET),
                nonBlank(env, "audience", DEFAULT_AUDIENCE),
                lifetime(env.getProperty("short-token-ttl"), "short-token-ttl", DEFAULT_SHORT_TOKEN_TTL),
                nonBlank(env, "short-client-secret", DEFAULT_SHORT_CLIENT_SECRET),
                nonBlank(env, "user-password", DEFAULT_USER_PASSWORD),
                nonBlank(env, "code-client-secret", DEFAULT_CODE_CLIENT_SECRET),
                lifetime(env.getProperty("device-code-ttl"), "device-code-ttl", DEFAULT_DEVICE_CODE_TTL),
                lifetime(env.getProperty("refresh-token-ttl"), "refresh-token-ttl", DEFAULT_REFRESH_TOKEN_TTL),
                nonBlank(env, "secret-jwt-client-secret", DEFAULT_SECRET_JWT_CLIENT_SECRET),
                jwkSetUrl(env.getProperty("client-jwk-set-url")),
                subjectDn(env.getProperty("mtls-client-subject-dn")));
    }

    private static Duration lifetime(String value, String key, Duration fallback) {
        String option = "--" + key + " (or " + key.toUpperCase().replace('-', '_') + ")";
        if (value == null || value.isBlank()) {
            return fallback;
        }
        Duration ttl;
        try {
            // A bare number means seconds: a token lifetime in milliseconds is never what a test wants.
            ttl = DurationStyle.detectAndParse(value.trim(), ChronoUnit.SECONDS);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " '" + value
                    + "' is not a duration: use e.g. 30s, 2m, 90 (seconds) or PT30S", e);
        }
        // Spring Authorization Server rejects lifetimes under one second, and JWT exp/iat are whole seconds.
        if (ttl.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException(option + " '" + value + "' must be at least 1s");
        }
        return ttl;
    }

    /** Null when unset: the private_key_jwt clients are registered only with a JWK set to check them against. */
    private static String jwkSetUrl(String value) {
        if (value == null) {
            return null;
        }
        if (!value.startsWith("http://") && !value.startsWith("https://")) {
            throw new IllegalArgumentException("--client-jwk-set-url (or CLIENT_JWK_SET_URL) '" + value
                    + "' is not an http(s) URL of a JWK set");
        }
        return value;
    }

    /** Null when unset: the tls_client_auth client is registered only with the subject its certificate names. */
    private static String subjectDn(String value) {
        if (value != null && !value.contains("=")) {
            throw new IllegalArgumentException("--mtls-client-subject-dn (or MTLS_CLIENT_SUBJECT_DN) '" + value
                    + "' is not a distinguished name such as CN=mtls-client");
        }
        return value;
    }

    private static String nonBlank(Environment env, String key, String fallback) {
        String value = env.getProperty(key);
        if (value == null) {
            return fallback;
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException("--" + key + " (or " + key.toUpperCase().replace('-', '_')
                    + ") is set but empty: give a value or leave it unset for the default");
        }
        return value;
    }

    /** Never prints the secrets or the user's password: this record may end up in a log line or an exception. */
    @Override
    public String toString() {
        return "AuthServerOptions[tokenTtl=" + tokenTtl + ", shortTokenTtl=" + shortTokenTtl + ", deviceCodeTtl="
                + deviceCodeTtl + ", refreshTokenTtl=" + refreshTokenTtl + ", audience=" + audience
                + ", clientJwkSetUrl=" + clientJwkSetUrl + ", mtlsClientSubjectDn=" + mtlsClientSubjectDn
                + ", secrets=****]";
    }
}
