package dev.oauthagent.agent.config;

import dev.oauthagent.agent.token.auth.key.SigningAlgorithm;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One configured OAuth client: where to get its tokens and which requests they go to. Immutable; built
 * once at start by the configuration loader after validation, so every field here is already valid.
 * {@link #toString()} masks every secret.
 */
public final class ClientConfig {
    public static final Duration DEFAULT_WAIT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_EXPIRES_IN = Duration.ofMinutes(5);
    /** Loopback, port chosen at each login (RFC 8252 §7.3). */
    public static final String DEFAULT_REDIRECT_URI = UriRules.LOOPBACK_REDIRECT_EXAMPLE;

    private final String name;
    private final URI tokenUrl;
    private final URI issuer;
    private final GrantType grantType;
    private final String clientId;
    private final Secret clientSecret;
    private final ClientAuthMethod clientAuth;
    private final URI deviceAuthorizationUrl;
    private final URI authorizationUrl;
    private final String redirectUri;
    private final List<String> scopes;
    private final String audience;
    private final List<String> resources;
    private final List<String> hosts;
    private final List<String> paths;
    private final boolean allowHttp;
    private final Duration refreshBefore;
    private final Duration expirySkew;
    private final Duration waitTimeout;
    private final FailMode failMode;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration defaultExpiresIn;
    private final Path truststore;
    private final Secret truststorePassword;
    private final String truststoreType;
    private final TokenStoreConfig tokenStore;
    private final boolean overrideExisting;
    private final URI proxy;
    private final Secret proxyUser;
    private final Secret proxyPassword;
    private final Map<String, Secret> tokenParams;
    private final PrivateKeyConfig privateKey;
    private final Path clientCertificate;
    private final SigningAlgorithm signingAlgorithm;
    private final String keyId;
    private final AssertionAudience assertionAudience;
    private final Secret clientAssertion;
    private final String clientAssertionType;

    private ClientConfig(Builder b) {
        this.name = b.name;
        this.tokenUrl = b.tokenUrl;
        this.issuer = b.issuer;
        this.grantType = b.grantType;
        this.clientId = b.clientId;
        this.clientSecret = b.clientSecret;
        this.clientAuth = b.clientAuth;
        this.deviceAuthorizationUrl = b.deviceAuthorizationUrl;
        this.authorizationUrl = b.authorizationUrl;
        this.redirectUri = b.redirectUri;
        this.scopes = Collections.unmodifiableList(new ArrayList<>(b.scopes));
        this.audience = b.audience;
        this.resources = Collections.unmodifiableList(new ArrayList<>(b.resources));
        this.hosts = Collections.unmodifiableList(new ArrayList<>(b.hosts));
        this.paths = Collections.unmodifiableList(new ArrayList<>(b.paths));
        this.allowHttp = b.allowHttp;
        this.refreshBefore = b.refreshBefore;
        this.expirySkew = b.expirySkew;
        this.waitTimeout = b.waitTimeout;
        this.failMode = b.failMode;
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.defaultExpiresIn = b.defaultExpiresIn;
        this.truststore = b.truststore;
        this.truststorePassword = b.truststorePassword;
        this.truststoreType = b.truststoreType;
        this.tokenStore = b.tokenStore;
        this.overrideExisting = b.overrideExisting;
        this.proxy = b.proxy;
        this.proxyUser = b.proxyUser;
        this.proxyPassword = b.proxyPassword;
        this.tokenParams = Collections.unmodifiableMap(new LinkedHashMap<>(b.tokenParams));
        this.privateKey = b.privateKey;
        this.clientCertificate = b.clientCertificate;
        this.signingAlgorithm = b.signingAlgorithm;
        this.keyId = b.keyId;
        this.assertionAudience = b.assertionAudience;
        this.clientAssertion = b.clientAssertion;
        this.clientAssertionType = b.clientAssertionType;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The client's name as in {@code oauth.agent.clients.<name>.*}, lower case. */
    public String name() { return name; }
    /**
     * The token endpoint. Null for a client configured with {@link #issuer()} until its metadata document is read:
     * {@link #withDiscoveredEndpoints} gives the client with its endpoints.
     */
    public URI tokenUrl() { return tokenUrl; }
    /** The authorization server's issuer, whose metadata names the endpoints; null when token-url is configured. */
    public URI issuer() { return issuer; }
    public GrantType grantType() { return grantType; }
    public String clientId() { return clientId; }
    /** Null only for a public client of a user grant ({@link ClientAuthMethod#NONE}). */
    public Secret clientSecret() { return clientSecret; }
    public ClientAuthMethod clientAuth() { return clientAuth; }
    /** The RFC 8628 device authorization endpoint; null unless configured (required for device_code). */
    public URI deviceAuthorizationUrl() { return deviceAuthorizationUrl; }
    /** The authorization endpoint; null unless configured (required for authorization_code). */
    public URI authorizationUrl() { return authorizationUrl; }
    /** The loopback redirect URI exactly as written (port 0: chosen at each login); the default when unset. */
    public String redirectUri() { return redirectUri; }
    public List<String> scopes() { return scopes; }
    /** Null when not configured. */
    public String audience() { return audience; }
    /** RFC 8707 resource indicators; empty when not configured. */
    public List<String> resources() { return resources; }
    public List<String> hosts() { return hosts; }
    public List<String> paths() { return paths; }
    public boolean allowHttp() { return allowHttp; }
    /** Null means the default policy: refresh at half the lifetime plus jitter. */
    public Duration refreshBefore() { return refreshBefore; }
    /** Null means the default: 60 s, reduced to 10% of the lifetime for tokens shorter than 10 min. */
    public Duration expirySkew() { return expirySkew; }
    public Duration waitTimeout() { return waitTimeout; }
    public FailMode failMode() { return failMode; }
    public Duration connectTimeout() { return connectTimeout; }
    public Duration readTimeout() { return readTimeout; }
    /** Lifetime assumed when a token response has no expires_in. */
    public Duration defaultExpiresIn() { return defaultExpiresIn; }
    /** Null: the JVM's default trust store. */
    public Path truststore() { return truststore; }
    public Secret truststorePassword() { return truststorePassword; }
    /** Null: the JVM's default key store type. */
    public String truststoreType() { return truststoreType; }
    /** Null: no token store (the refresh token, if any, lives in memory only). */
    public TokenStoreConfig tokenStore() { return tokenStore; }
    /** Whether to replace an Authorization header the application set itself (default false: leave it). */
    public boolean overrideExisting() { return overrideExisting; }
    /** The configured proxy for calls to the authorization server, http://host:port; null: the JVM's, if any. */
    public URI proxy() { return proxy; }
    /** Null unless the proxy asks for credentials; set together with {@link #proxyPassword()}. */
    public Secret proxyUser() { return proxyUser; }
    public Secret proxyPassword() { return proxyPassword; }
    /** Extra form parameters of every token request, by name in name order; values are secrets (vendor keys). */
    public Map<String, Secret> tokenParams() { return tokenParams; }
    /** The key private_key_jwt signs with, or the mutual-TLS methods present; null for every other method. */
    public PrivateKeyConfig privateKey() { return privateKey; }
    /** The mutual-TLS methods' certificate chain (PEM); null when {@link #privateKey()} is a keystore holding it. */
    public Path clientCertificate() { return clientCertificate; }
    /** What a client assertion is signed with (for private_key_jwt as the key implies unless set); else null. */
    public SigningAlgorithm signingAlgorithm() { return signingAlgorithm; }
    /** The client assertion's {@code kid} header; null: none. */
    public String keyId() { return keyId; }
    public AssertionAudience assertionAudience() { return assertionAudience; }
    /** The client assertion as read at start, from its file or env var; null unless client-assertion is set. */
    public Secret clientAssertion() { return clientAssertion; }
    public String clientAssertionType() { return clientAssertionType; }

    /**
     * This client with the endpoints its issuer's metadata document names. An endpoint configured explicitly
     * (device-authorization-url, authorization-url) stays; a null one is left as it was.
     */
    public ClientConfig withDiscoveredEndpoints(URI discoveredTokenUrl, URI discoveredDeviceAuthorizationUrl,
            URI discoveredAuthorizationUrl) {
        Builder b = new Builder(this);
        b.tokenUrl = discoveredTokenUrl;
        b.deviceAuthorizationUrl = deviceAuthorizationUrl != null ? deviceAuthorizationUrl
                : discoveredDeviceAuthorizationUrl;
        b.authorizationUrl = authorizationUrl != null ? authorizationUrl : discoveredAuthorizationUrl;
        return b.build();
    }

    /** This client authenticating with {@code method} instead: {@code check} asks whether the server wants that. */
    public ClientConfig withClientAuth(ClientAuthMethod method) {
        Builder b = new Builder(this);
        b.clientAuth = method;
        return b.build();
    }

    @Override
    public String toString() {
        return "ClientConfig{name=" + name + (issuer == null ? "" : ", issuer=" + issuer) + ", tokenUrl=" + tokenUrl + ", grantType=" + grantType.wireName()
                + ", clientId=" + clientId + ", clientSecret=" + (clientSecret == null ? "none" : Secret.MASK)
                + ", clientAuth=" + clientAuth.configName() + userGrantEndpoints() + ", scopes=" + scopes
                + ", hosts=" + hosts
                + ", paths=" + paths + ", failMode=" + failMode.configName() + ", overrideExisting=" + overrideExisting
                + (proxy == null ? "" : ", proxy=" + proxy) + (proxyUser == null ? "" : ", proxyUser=" + Secret.MASK)
                + (tokenParams.isEmpty() ? "" : ", tokenParams=" + tokenParams.keySet() + " (values masked)")
                + (tokenStore == null ? "" : ", tokenStore=" + tokenStore) + assertion() + "}";
    }

    /** A path, an algorithm and a key id: nothing secret; the password is masked. */
    private String assertion() {
        if (clientAssertion != null) {
            return ", clientAssertion=" + clientAssertion + ", clientAssertionType=" + clientAssertionType;
        }
        if (clientAuth.presentsCertificate()) {
            return ", privateKey=" + privateKey + (clientCertificate == null ? "" : ", clientCertificate="
                    + clientCertificate);
        }
        if (!clientAuth.sendsAssertion()) {
            return "";
        }
        return (privateKey == null ? "" : ", privateKey=" + privateKey) + ", signingAlgorithm=" + signingAlgorithm
                + (keyId == null ? "" : ", keyId=" + keyId) + ", clientAssertionAudience="
                + assertionAudience.configName();
    }

    /** Configuration refuses user info in these URLs, so they hold nothing secret. */
    private String userGrantEndpoints() {
        if (!grantType.holdsRefreshTokens()) {
            return "";
        }
        return (deviceAuthorizationUrl == null ? "" : ", deviceAuthorizationUrl=" + deviceAuthorizationUrl)
                + (authorizationUrl == null ? "" : ", authorizationUrl=" + authorizationUrl)
                + (grantType == GrantType.AUTHORIZATION_CODE ? ", redirectUri=" + redirectUri : "");
    }

    public static final class Builder {
        private final String name;
        private URI tokenUrl;
        private URI issuer;
        private GrantType grantType = GrantType.CLIENT_CREDENTIALS;
        private String clientId;
        private Secret clientSecret;
        private ClientAuthMethod clientAuth = ClientAuthMethod.CLIENT_SECRET_BASIC;
        private URI deviceAuthorizationUrl;
        private URI authorizationUrl;
        private String redirectUri = DEFAULT_REDIRECT_URI;
        private List<String> scopes = Collections.emptyList();
        private String audience;
        private List<String> resources = Collections.emptyList();
        private List<String> hosts = Collections.emptyList();
        private List<String> paths = Collections.singletonList("/");
        private boolean allowHttp;
        private Duration refreshBefore;
        private Duration expirySkew;
        private Duration waitTimeout = DEFAULT_WAIT_TIMEOUT;
        private FailMode failMode = FailMode.CLOSED;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private Duration defaultExpiresIn = DEFAULT_EXPIRES_IN;
        private Path truststore;
        private Secret truststorePassword;
        private String truststoreType;
        private TokenStoreConfig tokenStore;
        private boolean overrideExisting;
        private URI proxy;
        private Secret proxyUser;
        private Secret proxyPassword;
        private Map<String, Secret> tokenParams = Collections.emptyMap();
        private PrivateKeyConfig privateKey;
        private Path clientCertificate;
        private SigningAlgorithm signingAlgorithm;
        private String keyId;
        private AssertionAudience assertionAudience = AssertionAudience.TOKEN_ENDPOINT;
        private Secret clientAssertion;
        private String clientAssertionType;

        private Builder(String name) {
            this.name = name;
        }

        private Builder(ClientConfig c) {
            this(c.name);
            tokenUrl = c.tokenUrl;
            issuer = c.issuer;
            grantType = c.grantType;
            clientId = c.clientId;
            clientSecret = c.clientSecret;
            clientAuth = c.clientAuth;
            deviceAuthorizationUrl = c.deviceAuthorizationUrl;
            authorizationUrl = c.authorizationUrl;
            redirectUri = c.redirectUri;
            scopes = c.scopes;
            audience = c.audience;
            resources = c.resources;
            hosts = c.hosts;
            paths = c.paths;
            allowHttp = c.allowHttp;
            refreshBefore = c.refreshBefore;
            expirySkew = c.expirySkew;
            waitTimeout = c.waitTimeout;
            failMode = c.failMode;
            connectTimeout = c.connectTimeout;
            readTimeout = c.readTimeout;
            defaultExpiresIn = c.defaultExpiresIn;
            truststore = c.truststore;
            truststorePassword = c.truststorePassword;
            truststoreType = c.truststoreType;
            tokenStore = c.tokenStore;
            overrideExisting = c.overrideExisting;
            proxy = c.proxy;
            proxyUser = c.proxyUser;
            proxyPassword = c.proxyPassword;
            tokenParams = new LinkedHashMap<>(c.tokenParams);
            privateKey = c.privateKey;
            clientCertificate = c.clientCertificate;
            signingAlgorithm = c.signingAlgorithm;
            keyId = c.keyId;
            assertionAudience = c.assertionAudience;
            clientAssertion = c.clientAssertion;
            clientAssertionType = c.clientAssertionType;
        }

        /** A builder holding every value of {@code c}, to change a few. */
        static Builder copyOf(ClientConfig c) {
            return new Builder(c);
        }

        public Builder tokenUrl(URI v) { this.tokenUrl = v; return this; }
        public Builder issuer(URI v) { this.issuer = v; return this; }
        public Builder grantType(GrantType v) { this.grantType = v; return this; }
        public Builder clientId(String v) { this.clientId = v; return this; }
        public Builder clientSecret(Secret v) { this.clientSecret = v; return this; }
        public Builder clientAuth(ClientAuthMethod v) { this.clientAuth = v; return this; }
        public Builder deviceAuthorizationUrl(URI v) { this.deviceAuthorizationUrl = v; return this; }
        public Builder authorizationUrl(URI v) { this.authorizationUrl = v; return this; }
        public Builder redirectUri(String v) { this.redirectUri = v; return this; }
        public Builder scopes(List<String> v) { this.scopes = v; return this; }
        public Builder audience(String v) { this.audience = v; return this; }
        public Builder resources(List<String> v) { this.resources = v; return this; }
        public Builder hosts(List<String> v) { this.hosts = v; return this; }
        public Builder paths(List<String> v) { this.paths = v; return this; }
        public Builder allowHttp(boolean v) { this.allowHttp = v; return this; }
        public Builder refreshBefore(Duration v) { this.refreshBefore = v; return this; }
        public Builder expirySkew(Duration v) { this.expirySkew = v; return this; }
        public Builder waitTimeout(Duration v) { this.waitTimeout = v; return this; }
        public Builder failMode(FailMode v) { this.failMode = v; return this; }
        public Builder connectTimeout(Duration v) { this.connectTimeout = v; return this; }
        public Builder readTimeout(Duration v) { this.readTimeout = v; return this; }
        public Builder defaultExpiresIn(Duration v) { this.defaultExpiresIn = v; return this; }
        public Builder truststore(Path v) { this.truststore = v; return this; }
        public Builder truststorePassword(Secret v) { this.truststorePassword = v; return this; }
        public Builder truststoreType(String v) { this.truststoreType = v; return this; }
        public Builder tokenStore(TokenStoreConfig v) { this.tokenStore = v; return this; }
        public Builder overrideExisting(boolean v) { this.overrideExisting = v; return this; }
        public Builder proxy(URI v) { this.proxy = v; return this; }
        public Builder proxyCredentials(Secret user, Secret password) {
            this.proxyUser = user;
            this.proxyPassword = password;
            return this;
        }
        public Builder tokenParams(Map<String, Secret> v) { this.tokenParams = v; return this; }
        public Builder privateKey(PrivateKeyConfig v) { this.privateKey = v; return this; }
        public Builder clientCertificate(Path v) { this.clientCertificate = v; return this; }
        public Builder signingAlgorithm(SigningAlgorithm v) { this.signingAlgorithm = v; return this; }
        public Builder keyId(String v) { this.keyId = v; return this; }
        public Builder assertionAudience(AssertionAudience v) { this.assertionAudience = v; return this; }
        /** Also selects {@link ClientAuthMethod#CLIENT_ASSERTION}. */
        public Builder clientAssertion(Secret v, String type) {
            this.clientAssertion = v;
            this.clientAssertionType = type;
            this.clientAuth = ClientAuthMethod.CLIENT_ASSERTION;
            return this;
        }

        public ClientConfig build() {
            if (name == null || (tokenUrl == null && issuer == null) || clientId == null) {
                throw new IllegalStateException("name, tokenUrl or issuer, and clientId are required");
            }
            return new ClientConfig(this);
        }
    }
}
