package dev.oauthagent.testapps.resourceserver;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.client.RestTemplate;

/** /api/** needs a valid bearer token from the configured issuer; /stats is open so tests can read the counts. */
@Configuration(proxyBeanMethods = false)
class ResourceServerConfig {
    private static final Duration JWKS_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration JWKS_READ_TIMEOUT = Duration.ofSeconds(10);

    @Bean
    ResourceServerOptions resourceServerOptions(Environment env) {
        return ResourceServerOptions.from(env);
    }

    @Bean
    SecurityFilterChain apiFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/stats").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server.jwt(jwt -> { }))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Bearer tokens are not sent by browsers on their own, so there is no cross-site request to forge.
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /**
     * Signature via the issuer's JWKS (RS256), then expiry, issuer and audience: all must pass; with
     * check-certificate-binding also the token's certificate binding.
     */
    @Bean
    JwtDecoder jwtDecoder(ResourceServerOptions options) {
        SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
        timeouts.setConnectTimeout(JWKS_CONNECT_TIMEOUT);
        timeouts.setReadTimeout(JWKS_READ_TIMEOUT);
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(options.jwksUri().toString())
                .restOperations(new RestTemplate(timeouts))
                .build();
        String audience = options.audience();
        List<OAuth2TokenValidator<Jwt>> validators = List.of(
                new JwtTimestampValidator(options.clockSkew()),
                new JwtIssuerValidator(options.issuer().toString()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience)));
        // Spring's defaults add the certificate binding check (and keep the timestamp check given here).
        decoder.setJwtValidator(options.checkCertificateBinding() ? JwtValidators.createDefaultWithValidators(validators)
                : new DelegatingOAuth2TokenValidator<>(validators));
        return decoder;
    }

    @Bean
    RequestStats requestStats() {
        return new RequestStats();
    }

    /** Ahead of Spring Security's filters, so the 401s they send are counted too. */
    @Bean
    FilterRegistrationBean<RequestCountingFilter> requestCountingFilter(RequestStats stats) {
        FilterRegistrationBean<RequestCountingFilter> registration =
                new FilterRegistrationBean<>(new RequestCountingFilter(stats));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
