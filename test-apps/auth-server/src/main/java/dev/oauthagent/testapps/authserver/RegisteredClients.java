package dev.oauthagent.testapps.authserver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The clients the tests use. For services: one per client-authentication method, each allowing only that method,
 * and a basic-auth client whose tokens live only {@code --short-token-ttl}, so one server serves both tests that
 * need stable tokens and tests that run across several token lifetimes; the client-assertion clients (client_secret_jwt,
 * and private_key_jwt with RS256 and ES256 when a JWK set URL for their keys is given). For programs acting for the test user: a
 * public and a confidential authorization-code client (PKCE and consent required) and a public device-code client,
 * all three with rotating refresh tokens.
 */
final class RegisteredClients {
    static final String BASIC_CLIENT_ID = "basic-client";
    static final String POST_CLIENT_ID = "post-client";
    static final String SHORT_CLIENT_ID = "short-client";
    static final String PKCE_CLIENT_ID = "pkce-client";
    static final String CODE_CLIENT_ID = "code-client";
    static final String DEVICE_CLIENT_ID = "device-client";
    /** private_key_jwt with RS256 and with ES256; registered only with {@code --client-jwk-set-url}. */
    static final String JWT_RSA_CLIENT_ID = "jwt-rsa-client";
    static final String JWT_EC_CLIENT_ID = "jwt-ec-client";
    /**
     * tls_client_auth (RFC 8705 §2.1): registered with {@code --mtls-client-subject-dn}, the subject of the certificate
     * it presents; the TLS layer (Tomcat's trust store) has checked the chain.
     */
    static final String MTLS_CLIENT_ID = "mtls-client";
    /**
     * self_signed_tls_client_auth (RFC 8705 §2.2): registered with {@code --client-jwk-set-url}, whose JWK set holds its
     * certificate in a key's x5c.
     */
    static final String SELF_SIGNED_MTLS_CLIENT_ID = "self-signed-mtls-client";
    /** client_secret_jwt: HS256 over the client secret. */
    static final String SECRET_JWT_CLIENT_ID = "secret-jwt-client";

    /**
     * Registered without a port: for a loopback host (127.x.x.x, [::1]) Spring Authorization Server compares a
     * requested redirect URI with the port replaced by the registered one, so any port matches (RFC 8252 section
     * 7.3) while scheme, host, path and case must match exactly.
     */
    static final String LOOPBACK_REDIRECT_URI = "http://127.0.0.1/callback";

    private RegisteredClients() {
    }

    static RegisteredClientRepository of(AuthServerOptions options) {
        TokenSettings tokens = tokens(options.tokenTtl());
        List<RegisteredClient> clients = new ArrayList<>(userAndSecretClients(options, tokens));
        clients.add(assertionClient(SECRET_JWT_CLIENT_ID, ClientAuthenticationMethod.CLIENT_SECRET_JWT, tokens,
                ClientSettings.builder().tokenEndpointAuthenticationSigningAlgorithm(MacAlgorithm.HS256))
                // Not {noop}-prefixed: Spring keys the HMAC with the registered secret as it is stored.
                .clientSecret(options.secretJwtClientSecret())
                .build());
        if (options.clientJwkSetUrl() != null) {
            clients.add(keyClient(JWT_RSA_CLIENT_ID, SignatureAlgorithm.RS256, options, tokens));
            clients.add(keyClient(JWT_EC_CLIENT_ID, SignatureAlgorithm.ES256, options, tokens));
            clients.add(assertionClient(SELF_SIGNED_MTLS_CLIENT_ID,
                    ClientAuthenticationMethod.SELF_SIGNED_TLS_CLIENT_AUTH, certificateBound(options.tokenTtl()),
                    ClientSettings.builder().jwkSetUrl(options.clientJwkSetUrl())).build());
        }
        if (options.mtlsClientSubjectDn() != null) {
            clients.add(assertionClient(MTLS_CLIENT_ID, ClientAuthenticationMethod.TLS_CLIENT_AUTH,
                    certificateBound(options.tokenTtl()),
                    ClientSettings.builder().x509CertificateSubjectDN(options.mtlsClientSubjectDn())).build());
        }
        return new InMemoryRegisteredClientRepository(clients);
    }

    /** The client's public key is looked up in the JWK set at {@code --client-jwk-set-url}, as the test serves it. */
    private static RegisteredClient keyClient(String id, SignatureAlgorithm algorithm, AuthServerOptions options,
            TokenSettings tokens) {
        return assertionClient(id, ClientAuthenticationMethod.PRIVATE_KEY_JWT, tokens, ClientSettings.builder()
                .jwkSetUrl(options.clientJwkSetUrl())
                .tokenEndpointAuthenticationSigningAlgorithm(algorithm))
                .build();
    }

    private static RegisteredClient.Builder assertionClient(String id, ClientAuthenticationMethod method,
            TokenSettings tokens, ClientSettings.Builder settings) {
        return RegisteredClient.withId(id)
                .clientId(id)
                .clientAuthenticationMethod(method)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope("read")
                .scope("write")
                .tokenSettings(tokens)
                .clientSettings(settings.build());
    }

    private static List<RegisteredClient> userAndSecretClients(AuthServerOptions options, TokenSettings tokens) {
        TokenSettings userTokens = userTokens(options);
        return List.of(
                client(BASIC_CLIENT_ID, options.basicClientSecret(), ClientAuthenticationMethod.CLIENT_SECRET_BASIC, tokens),
                client(POST_CLIENT_ID, options.postClientSecret(), ClientAuthenticationMethod.CLIENT_SECRET_POST, tokens),
                client(SHORT_CLIENT_ID, options.shortClientSecret(), ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
                        tokens(options.shortTokenTtl())),
                codeClient(PKCE_CLIENT_ID, userTokens)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                        .build(),
                codeClient(CODE_CLIENT_ID, userTokens)
                        .clientSecret("{noop}" + options.codeClientSecret())
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .build(),
                userClient(DEVICE_CLIENT_ID, userTokens)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                        .authorizationGrantType(AuthorizationGrantType.DEVICE_CODE)
                        .build());
    }

    /** Access tokens bound to the client's certificate: {@code cnf.x5t#S256} (RFC 8705 §3). */
    private static TokenSettings certificateBound(Duration ttl) {
        return TokenSettings.builder()
                .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                .accessTokenTimeToLive(ttl)
                .x509CertificateBoundAccessTokens(true)
                .build();
    }

    private static TokenSettings tokens(Duration ttl) {
        return TokenSettings.builder()
                .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                .accessTokenTimeToLive(ttl)
                .build();
    }

    /** Refresh tokens rotate: each refresh answers a new one and the one spent is refused from then on. */
    private static TokenSettings userTokens(AuthServerOptions options) {
        return TokenSettings.builder()
                .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                .accessTokenTimeToLive(options.tokenTtl())
                .reuseRefreshTokens(false)
                .refreshTokenTimeToLive(options.refreshTokenTtl())
                .deviceCodeTimeToLive(options.deviceCodeTtl())
                .build();
    }

    private static RegisteredClient client(String id, String secret, ClientAuthenticationMethod method,
            TokenSettings tokens) {
        return RegisteredClient.withId(id)
                .clientId(id)
                // {noop}: a test server must start in seconds; bcrypt would also slow every token request.
                .clientSecret("{noop}" + secret)
                .clientAuthenticationMethod(method)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope("read")
                .scope("write")
                .tokenSettings(tokens)
                .build();
    }

    private static RegisteredClient.Builder codeClient(String id, TokenSettings tokens) {
        return userClient(id, tokens)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(LOOPBACK_REDIRECT_URI)
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(true)
                        .requireAuthorizationConsent(true)
                        .build());
    }

    /** Consent is required for every user grant: it is where the user can say no (access_denied). */
    private static RegisteredClient.Builder userClient(String id, TokenSettings tokens) {
        return RegisteredClient.withId(id)
                .clientId(id)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .scope("read")
                .scope("write")
                .tokenSettings(tokens)
                .clientSettings(ClientSettings.builder().requireAuthorizationConsent(true).build());
    }
}
