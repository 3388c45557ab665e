package dev.oauthagent.e2e.support;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real Spring Authorization Server (test-apps/auth-server) in its own JVM, on a free port of 127.0.0.1.
 *
 * <p>It takes seconds to start, so share one per test class ({@code @BeforeAll}/{@code @AfterAll}), or use
 * {@link #shared()} when the defaults will do. Secrets go to the child as environment variables, never as
 * arguments, so they stay out of the command line and the process log.
 */
public final class AuthServer implements AutoCloseable {
    public static final String BASIC_CLIENT_ID = "basic-client";
    public static final String POST_CLIENT_ID = "post-client";
    public static final String SHORT_CLIENT_ID = "short-client";
    /** Public (client authentication none), authorization_code with PKCE and refresh_token. */
    public static final String PKCE_CLIENT_ID = "pkce-client";
    /** client_secret_basic, authorization_code with PKCE and refresh_token. */
    public static final String CODE_CLIENT_ID = "code-client";
    /** Public, device_code and refresh_token. */
    public static final String DEVICE_CLIENT_ID = "device-client";
    /** private_key_jwt clients (RS256, ES256): registered only with {@link Builder#clientJwkSetUrl}. */
    public static final String JWT_RSA_CLIENT_ID = "jwt-rsa-client";
    public static final String JWT_EC_CLIENT_ID = "jwt-ec-client";
    /** client_secret_jwt (HS256 over {@link Builder#secretJwtClientSecret}). */
    public static final String SECRET_JWT_CLIENT_ID = "secret-jwt-client";
    /** tls_client_auth; registered with {@link Builder#mutualTls}. */
    public static final String MTLS_CLIENT_ID = "mtls-client";
    /** self_signed_tls_client_auth; registered with {@link Builder#clientJwkSetUrl}, its certificate as x5c there. */
    public static final String SELF_SIGNED_MTLS_CLIENT_ID = "self-signed-mtls-client";
    /** The redirect URI both code clients have, registered without a port: any loopback port matches. */
    public static final String LOOPBACK_REDIRECT_URI = "http://127.0.0.1/callback";
    /** The one user who logs in, with {@link #userPassword()}. */
    public static final String USER_NAME = "user";
    public static final Duration DEFAULT_DEVICE_CODE_TTL = Duration.ofMinutes(5);
    public static final Duration DEFAULT_REFRESH_TOKEN_TTL = Duration.ofHours(1);
    public static final Duration DEFAULT_SHORT_TOKEN_TTL = Duration.ofSeconds(4);
    public static final Duration DEFAULT_TOKEN_TTL = Duration.ofMinutes(5);
    public static final String DEFAULT_AUDIENCE = "api";

    private static final Pattern READY = Pattern.compile("^AUTH_SERVER_READY issuer=(https?://127\\.0\\.0\\.1:(\\d+))$");
    private static AuthServer shared;

    private final JavaProcess process;
    private final URI issuer;
    private final int port;
    private final Duration tokenTtl;
    private final String basicClientSecret;
    private final String postClientSecret;
    private final String shortClientSecret;
    private final Duration shortTokenTtl;
    private final String audience;
    private final String userPassword;
    private final String codeClientSecret;
    private final Duration deviceCodeTtl;
    private final Duration refreshTokenTtl;
    private final TestTls tls;
    private final String secretJwtClientSecret;
    private final boolean isShared;

    private AuthServer(JavaProcess process, String readyLine, Builder settings, boolean isShared) {
        Matcher ready = READY.matcher(readyLine);
        if (!ready.matches()) {
            throw new IllegalStateException("unexpected ready line: " + readyLine);
        }
        this.process = process;
        this.issuer = URI.create(ready.group(1));
        this.port = Integer.parseInt(ready.group(2));
        this.tokenTtl = settings.tokenTtl;
        this.basicClientSecret = settings.basicClientSecret;
        this.postClientSecret = settings.postClientSecret;
        this.shortClientSecret = settings.shortClientSecret;
        this.shortTokenTtl = settings.shortTokenTtl;
        this.audience = settings.audience;
        this.userPassword = settings.userPassword;
        this.codeClientSecret = settings.codeClientSecret;
        this.deviceCodeTtl = settings.deviceCodeTtl;
        this.refreshTokenTtl = settings.refreshTokenTtl;
        this.tls = settings.tls;
        this.secretJwtClientSecret = settings.secretJwtClientSecret;
        this.isShared = isShared;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * One server with the default settings for the whole test JVM, started on first use and stopped when the
     * JVM exits. Its {@link #close()} does nothing, so a test cannot stop it under another test's feet.
     */
    public static synchronized AuthServer shared() {
        if (shared == null || !shared.process.isAlive()) {
            shared = builder().start(true);
        }
        return shared;
    }

    /** {@code http://127.0.0.1:<port>}, also the {@code iss} of every token. */
    public URI issuer() {
        return issuer;
    }

    public URI tokenUrl() {
        return issuer.resolve("/oauth2/token");
    }

    public URI jwksUrl() {
        return issuer.resolve("/oauth2/jwks");
    }

    public URI authorizationUrl() {
        return issuer.resolve("/oauth2/authorize");
    }

    public URI deviceAuthorizationUrl() {
        return issuer.resolve("/oauth2/device_authorization");
    }

    public URI revocationUrl() {
        return issuer.resolve("/oauth2/revoke");
    }

    public int port() {
        return port;
    }

    /** Registered for client_secret_basic only (and client_credentials, scopes read and write). */
    public String basicClientId() {
        return BASIC_CLIENT_ID;
    }

    public String basicClientSecret() {
        return basicClientSecret;
    }

    /** Registered for client_secret_post only (and client_credentials, scopes read and write). */
    public String postClientId() {
        return POST_CLIENT_ID;
    }

    public String postClientSecret() {
        return postClientSecret;
    }

    public String secretJwtClientSecret() {
        return secretJwtClientSecret;
    }

    public Duration tokenTtl() {
        return tokenTtl;
    }

    /** Registered for client_secret_basic; its tokens live only {@link #shortTokenTtl()}. */
    public String shortClientId() {
        return SHORT_CLIENT_ID;
    }

    public String shortClientSecret() {
        return shortClientSecret;
    }

    public Duration shortTokenTtl() {
        return shortTokenTtl;
    }

    /** The password of {@link #USER_NAME}, the user who logs in for the code and device clients. */
    public String userPassword() {
        return userPassword;
    }

    /** The secret of {@link #CODE_CLIENT_ID}. */
    public String codeClientSecret() {
        return codeClientSecret;
    }

    public Duration deviceCodeTtl() {
        return deviceCodeTtl;
    }

    public Duration refreshTokenTtl() {
        return refreshTokenTtl;
    }

    /** The {@code aud} of every access token. */
    public String audience() {
        return audience;
    }

    /** The key material it serves https with, or null when it serves plain http. */
    public TestTls tls() {
        return tls;
    }

    /**
     * How many access tokens the server has issued to {@code clientId} since it started (its
     * {@code /__issued-tokens} count): the number of successful token requests of that client.
     */
    public long issuedTokens(String clientId) {
        Http.Response response = Http.get(issuer.resolve("/__issued-tokens"), null);
        if (response.status() != 200) {
            throw new AssertionError("GET /__issued-tokens answered " + response.status() + ": " + response.body());
        }
        Object count = Json.parseObject(response.body()).get(clientId);
        return count == null ? 0 : (Long) count;
    }

    /**
     * How many token requests of {@code clientId} with {@code grantType} the server answered since it started,
     * refused ones included (its {@code /__token-requests} count, summed over the statuses).
     */
    public long tokenRequests(String clientId, String grantType) {
        return tokenRequestCounts(clientId + " " + grantType + " ");
    }

    /** As {@link #tokenRequests(String, String)}, only those answered with {@code status}. */
    public long tokenRequests(String clientId, String grantType, int status) {
        return tokenRequestCounts(clientId + " " + grantType + " " + status);
    }

    private long tokenRequestCounts(String keyPrefix) {
        Http.Response response = Http.get(issuer.resolve("/__token-requests"), null);
        if (response.status() != 200) {
            throw new AssertionError("GET /__token-requests answered " + response.status() + ": " + response.body());
        }
        return Json.parseObject(response.body()).entrySet().stream()
                .filter(count -> count.getKey().startsWith(keyPrefix))
                .mapToLong(count -> (Long) count.getValue()).sum();
    }

    /** The server's JVM, e.g. to read its output. */
    public JavaProcess process() {
        return process;
    }

    /** Same as {@link #close()}. */
    public void stop() {
        close();
    }

    @Override
    public void close() {
        if (!isShared) {
            process.close();
        }
    }

    @Override
    public String toString() {
        return "AuthServer[" + issuer + ", ttl " + tokenTtl + "]";
    }

    /** Per-run settings; each default matches the server's own. */
    public static final class Builder {
        private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

        private Duration tokenTtl = DEFAULT_TOKEN_TTL;
        private String basicClientSecret = "basic-secret";
        private String postClientSecret = "post/secret+with=odd&chars%";
        private String shortClientSecret = "short-secret";
        private Duration shortTokenTtl = DEFAULT_SHORT_TOKEN_TTL;
        private String audience = DEFAULT_AUDIENCE;
        private String userPassword = "user-password";
        private String codeClientSecret = "code-secret";
        private Duration deviceCodeTtl = DEFAULT_DEVICE_CODE_TTL;
        private Duration refreshTokenTtl = DEFAULT_REFRESH_TOKEN_TTL;
        private TestTls tls;
        private String secretJwtClientSecret = "secret-jwt-" + java.util.UUID.randomUUID();
        private java.net.URI clientJwkSetUrl;
        private String mtlsSubjectDn;
        private Path clientTrustStore;
        private String clientTrustStorePassword;

        private Builder() {
        }

        /** Access token lifetime, whole seconds, at least one. */
        public Builder tokenTtl(Duration ttl) {
            this.tokenTtl = wholeSeconds(ttl);
            return this;
        }

        /** Access token lifetime of {@link #SHORT_CLIENT_ID} only, whole seconds, at least one. */
        public Builder shortTokenTtl(Duration ttl) {
            this.shortTokenTtl = wholeSeconds(ttl);
            return this;
        }

        public Builder shortClientSecret(String secret) {
            this.shortClientSecret = secret;
            return this;
        }

        private static Duration wholeSeconds(Duration ttl) {
            if (ttl.getNano() != 0 || ttl.getSeconds() < 1) {
                throw new IllegalArgumentException("a lifetime must be whole seconds and at least 1s, got " + ttl);
            }
            return ttl;
        }

        public Builder basicClientSecret(String secret) {
            this.basicClientSecret = secret;
            return this;
        }

        public Builder postClientSecret(String secret) {
            this.postClientSecret = secret;
            return this;
        }

        public Builder userPassword(String password) {
            this.userPassword = password;
            return this;
        }

        public Builder codeClientSecret(String secret) {
            this.codeClientSecret = secret;
            return this;
        }

        /** How long a device code (and its user code) lives, whole seconds, at least one. */
        public Builder deviceCodeTtl(Duration ttl) {
            this.deviceCodeTtl = wholeSeconds(ttl);
            return this;
        }

        /** How long each refresh token lives, whole seconds, at least one. */
        public Builder refreshTokenTtl(Duration ttl) {
            this.refreshTokenTtl = wholeSeconds(ttl);
            return this;
        }

        public Builder audience(String audience) {
            this.audience = audience;
            return this;
        }

        /** The secret of {@link #SECRET_JWT_CLIENT_ID}: at least 32 bytes (HS256). */
        public Builder secretJwtClientSecret(String secret) {
            this.secretJwtClientSecret = secret;
            return this;
        }

        /** Registers the private_key_jwt clients, whose public keys the server fetches from this JWK set. */
        public Builder clientJwkSetUrl(java.net.URI url) {
            this.clientJwkSetUrl = url;
            return this;
        }

        /**
         * Registers {@link #MTLS_CLIENT_ID} for certificates with subject {@code subjectDn}, and asks every https client
         * for a certificate (client-auth=want), trusting those issued by the CAs in the PKCS12 {@code trustStore}.
         * Needs {@link #tls}.
         */
        public Builder mutualTls(String subjectDn, Path trustStore, String trustStorePassword) {
            this.mtlsSubjectDn = subjectDn;
            this.clientTrustStore = trustStore;
            this.clientTrustStorePassword = trustStorePassword;
            return this;
        }

        /**
         * Serves https with {@code tls}'s key (issuer {@code https://127.0.0.1:<port>}); whoever calls it needs
         * {@link TestTls#trustStoreJvmArgs()}.
         */
        public Builder tls(TestTls tls) {
            this.tls = tls;
            return this;
        }

        /** Starts the server and waits (up to 60 s) until it says it is ready. */
        public AuthServer start() {
            return start(false);
        }

        private AuthServer start(boolean isShared) {
            JavaProcessBuilder builder = JavaProcess.builder("auth-server")
                    .jar(E2ePaths.testApp("auth-server"))
                    .env("TOKEN_TTL", tokenTtl.getSeconds() + "s")
                    .env("BASIC_CLIENT_SECRET", basicClientSecret)
                    .env("POST_CLIENT_SECRET", postClientSecret)
                    .env("SHORT_TOKEN_TTL", shortTokenTtl.getSeconds() + "s")
                    .env("SHORT_CLIENT_SECRET", shortClientSecret)
                    .env("AUDIENCE", audience)
                    .env("USER_PASSWORD", userPassword)
                    .env("CODE_CLIENT_SECRET", codeClientSecret)
                    .env("DEVICE_CODE_TTL", deviceCodeTtl.getSeconds() + "s")
                    .env("REFRESH_TOKEN_TTL", refreshTokenTtl.getSeconds() + "s")
                    .env("SECRET_JWT_CLIENT_SECRET", secretJwtClientSecret)
                    .args("--port=0");
            if (clientJwkSetUrl != null) {
                builder.env("CLIENT_JWK_SET_URL", clientJwkSetUrl.toString());
            }
            if (tls != null) {
                // Spring Boot's own TLS settings; the issuer announcer sees the key store and says https.
                builder.env("SERVER_SSL_KEY_STORE", tls.keyStore().toString())
                        .env("SERVER_SSL_KEY_STORE_PASSWORD", tls.password())
                        .env("SERVER_SSL_KEY_STORE_TYPE", "PKCS12");
            }
            if (mtlsSubjectDn != null) {
                builder.env("MTLS_CLIENT_SUBJECT_DN", mtlsSubjectDn)
                        .env("SERVER_SSL_CLIENT_AUTH", "want")
                        .env("SERVER_SSL_TRUST_STORE", clientTrustStore.toString())
                        .env("SERVER_SSL_TRUST_STORE_PASSWORD", clientTrustStorePassword)
                        .env("SERVER_SSL_TRUST_STORE_TYPE", "PKCS12");
            }
            JavaProcess process = builder.start();
            try {
                return new AuthServer(process, process.awaitLine(READY, READY_TIMEOUT), this, isShared);
            } catch (RuntimeException | AssertionError e) {
                process.close();
                throw e;
            }
        }
    }
}
