package dev.oauthagent.testapps.authserver;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;

/** Wires the authorization server from {@link AuthServerOptions}; only its protocol endpoints exist. */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfig {

    @Bean
    AuthServerOptions authServerOptions(Environment env) {
        return AuthServerOptions.from(env);
    }

    @Bean
    SecurityFilterChain authorizationServerFilterChain(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> http.securityMatcher(server.getEndpointsMatcher()))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated());
        return http.build();
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(AuthServerOptions options) {
        return RegisteredClients.of(options);
    }

    @Bean
    JWKSource<SecurityContext> jwkSource() {
        return RsaSigningKey.generate();
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> accessTokenClaims(IssuerAnnouncer issuer, AuthServerOptions options,
            IssuedTokenCounts counts) {
        return new AccessTokenClaims(issuer, options.audience(), counts);
    }

    /** Default endpoint paths (/oauth2/token, /oauth2/jwks); issuer left to {@link AccessTokenClaims}. */
    @Bean
    AuthorizationServerSettings authorizationServerSettings() {
        return AuthorizationServerSettings.builder().build();
    }
}
