package dev.oauthagent.testapps.authserver;

import java.time.Duration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The clients the tests use: one per client-authentication method, each allowing only that method, and a
 * basic-auth client whose tokens live only {@code --short-token-ttl}, so one server serves both tests that need
 * stable tokens and tests that run across several token lifetimes.
 */
final class RegisteredClients {
    static final String BASIC_CLIENT_ID = "basic-client";
    static final String POST_CLIENT_ID = "post-client";
    static final String SHORT_CLIENT_ID = "short-client";

    private RegisteredClients() {
    }

    static RegisteredClientRepository of(AuthServerOptions options) {
        TokenSettings tokens = tokens(options.tokenTtl());
        return new InMemoryRegisteredClientRepository(
                client(BASIC_CLIENT_ID, options.basicClientSecret(), ClientAuthenticationMethod.CLIENT_SECRET_BASIC, tokens),
                client(POST_CLIENT_ID, options.postClientSecret(), ClientAuthenticationMethod.CLIENT_SECRET_POST, tokens),
                client(SHORT_CLIENT_ID, options.shortClientSecret(), ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
                        tokens(options.shortTokenTtl())));
    }

    private static TokenSettings tokens(Duration ttl) {
        return TokenSettings.builder()
                .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                .accessTokenTimeToLive(ttl)
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
}
