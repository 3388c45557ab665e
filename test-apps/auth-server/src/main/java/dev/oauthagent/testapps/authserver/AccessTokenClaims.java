package dev.oauthagent.testapps.authserver;

import java.util.List;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Gives every access token a fixed issuer and the configured audience.
 *
 * <p>Without this, Spring Authorization Server takes {@code iss} from each request's host (so a client calling
 * "localhost" would get a different issuer than one calling "127.0.0.1") and sets {@code aud} to the client id;
 * a protected API validating issuer and audience needs both to be stable. Also counts each access token per
 * client for {@link IssuedTokenCounts}.
 */
class AccessTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {
    private final IssuerAnnouncer issuer;
    private final String audience;
    private final IssuedTokenCounts counts;

    AccessTokenClaims(IssuerAnnouncer issuer, String audience, IssuedTokenCounts counts) {
        this.issuer = issuer;
        this.audience = audience;
        this.counts = counts;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            context.getClaims().issuer(issuer.issuer()).audience(List.of(audience));
            CertificateBinding.of(context).ifPresent(binding -> context.getClaims().claim("cnf", binding));
            counts.issuedTo(context.getRegisteredClient().getClientId());
        }
    }
}
