package dev.oauthagent.testapps.authserver;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2AccessTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Wires the authorization server from {@link AuthServerOptions}: its protocol endpoints, device endpoints
 * included, in one filter chain, and the test user's form login in a second one.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfig {
    static final String USER_NAME = "user";

    @Bean
    AuthServerOptions authServerOptions(Environment env) {
        return AuthServerOptions.from(env);
    }

    /**
     * The protocol endpoints. Spring Boot's default set-up leaves the device endpoints out (no device_code in the
     * metadata, {@code /oauth2/device_authorization} answered by a redirect to the login page), so they are
     * switched on here. A browser (a request that accepts text/html) without a session is sent to the login page.
     */
    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerFilterChain(HttpSecurity http, RegisteredClientRepository clients,
            OAuth2TokenGenerator<?> tokenGenerator) throws Exception {
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server.tokenGenerator(tokenGenerator)
                    .authorizationServerMetadataEndpoint(metadata -> metadata.authorizationServerMetadataCustomizer(
                            PublicClientAuthentication::advertise))
                    .deviceAuthorizationEndpoint(Customizer.withDefaults())
                    .deviceVerificationEndpoint(Customizer.withDefaults())
                    .clientAuthentication(authentication -> authentication
                            .authenticationConverter(new PublicClientAuthentication.Converter())
                            .authenticationProvider(new PublicClientAuthentication.Provider(clients)));
        })
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    /**
     * The test user's login form, and nothing else: every other path keeps answering as it did before there was a
     * user (a token-url pointing at "/" gets Spring's 404 or 405, not a login page or a CSRF 403).
     */
    @Bean
    @Order(2)
    SecurityFilterChain loginFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/login", "/logout", "/default-ui.css")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .formLogin(Customizer.withDefaults());
        return http.build();
    }

    /** Ahead of Spring Security (order -100), which answers token requests itself: every answer is counted. */
    @Bean
    FilterRegistrationBean<TokenRequestCounter> tokenRequestCounter(TokenRequestCounts counts) {
        FilterRegistrationBean<TokenRequestCounter> registration =
                new FilterRegistrationBean<>(new TokenRequestCounter(counts));
        registration.addUrlPatterns("/oauth2/token");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    UserDetailsService users(AuthServerOptions options) {
        // {noop} as for the client secrets: a test user, and logins stay fast.
        return new InMemoryUserDetailsManager(User.withUsername(USER_NAME)
                .password("{noop}" + options.userPassword())
                .roles("USER")
                .build());
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(AuthServerOptions options) {
        return RegisteredClients.of(options);
    }

    @Bean
    OAuth2AuthorizationConsentService consents() {
        return new ConsentAskedEveryTime();
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

    /** Spring's JWT access tokens with our claims; refresh tokens from {@link RotatingRefreshTokens}. */
    @Bean
    OAuth2TokenGenerator<?> tokenGenerator(JWKSource<SecurityContext> jwkSource,
            OAuth2TokenCustomizer<JwtEncodingContext> accessTokenClaims) {
        JwtGenerator jwt = new JwtGenerator(new NimbusJwtEncoder(jwkSource));
        jwt.setJwtCustomizer(accessTokenClaims);
        return new DelegatingOAuth2TokenGenerator(jwt, new OAuth2AccessTokenGenerator(), new RotatingRefreshTokens());
    }

    /** Default endpoint paths (/oauth2/token, /oauth2/jwks); issuer left to {@link AccessTokenClaims}. */
    @Bean
    AuthorizationServerSettings authorizationServerSettings() {
        return AuthorizationServerSettings.builder().build();
    }
}
