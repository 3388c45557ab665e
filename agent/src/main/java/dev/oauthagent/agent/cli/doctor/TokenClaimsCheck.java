package dev.oauthagent.agent.cli.doctor;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.token.AccessToken;
import dev.oauthagent.agent.token.MalformedTokenResponseException;
import dev.oauthagent.agent.token.ServerTextSanitizer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code check} finds in a token it fetched: a JWT's claims ({@code iss}, {@code aud}, {@code scope},
 * {@code exp}) against the client's configuration, and this machine's clock against the authorization server's.
 * The signature is not verified (the API does that with the server's keys); the claims only explain, before the
 * API does, why it would refuse the token. Findings quote claim values, never the token or its signature.
 */
public final class TokenClaimsCheck {
    private final Clock clock;

    /** @param clock this machine's clock, as the token was fetched */
    public TokenClaimsCheck(Clock clock) {
        this.clock = clock;
    }

    /** @param serverDate the timing of the token response, as {@link ServerDate} heard it */
    public List<Finding> check(ClientConfig client, AccessToken token, ServerDate serverDate) {
        List<Finding> findings = new ArrayList<>();
        JwtClaims claims = null;
        switch (JwtClaims.formOf(token.value())) {
            case OPAQUE:
                findings.add(Finding.ok("token-opaque", "opaque token: its claims cannot be checked here"));
                break;
            case ENCRYPTED:
                findings.add(Finding.ok("token-encrypted", "encrypted JWT (JWE): its claims cannot be checked here"));
                break;
            default:
                claims = claims(token, findings);
                if (claims != null) {
                    addClaimFindings(client, token, claims, findings);
                }
        }
        findings.add(new ClockSkewCheck().check(serverDate.last(), claims));
        return findings;
    }

    private static JwtClaims claims(AccessToken token, List<Finding> findings) {
        try {
            return JwtClaims.of(token.value());
        } catch (MalformedTokenResponseException e) {
            findings.add(Finding.warn("token-claims-unreadable", "the token looks like a JWT, but its claims cannot"
                    + " be read: " + e.getMessage(), "an API that reads it as a JWT refuses it; check the"
                    + " authorization server's token format"));
            return null;
        }
    }

    private void addClaimFindings(ClientConfig client, AccessToken token, JwtClaims claims, List<Finding> findings) {
        ServerTextSanitizer sanitizer = ServerTextSanitizer.forClient(client);
        findings.add(Finding.ok("token-claims", "JWT: its claims are read below without verifying its signature"
                + " (the API does that)"));
        findings.add(new IssuerClaimCheck(client, sanitizer).check(claims.issuer()));
        findings.add(new AudienceClaimCheck(client, sanitizer).check(claims.audience()));
        findings.add(new ScopeClaimCheck(client, sanitizer).check(claims.scopes()));
        ExpiryClaimCheck expiry = new ExpiryClaimCheck(client);
        findings.add(expiry.check(claims, token, clock.instant()));
        Finding notYetValid = expiry.notYetValid(claims, clock.instant());
        if (notYetValid != null) {
            findings.add(notYetValid);
        }
    }
}
