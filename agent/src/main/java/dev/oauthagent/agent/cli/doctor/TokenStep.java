package dev.oauthagent.agent.cli.doctor;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.config.LoadedConfig;
import dev.oauthagent.agent.config.PropertiesFileValues;
import dev.oauthagent.agent.token.AccessToken;
import dev.oauthagent.agent.token.TokenEndpointClient;
import dev.oauthagent.agent.token.TokenFetchException;
import dev.oauthagent.agent.token.TokenSource;
import dev.oauthagent.agent.token.user.UserGrants;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Asks for one token as the agent would, and says how it went: never the token itself, only its fingerprint. Two
 * single methods turn the result into findings, so each can grow on its own: {@link #failed} for a refused or
 * failed request, {@link #checksOfFetchedToken} for what the token itself shows.
 */
final class TokenStep {
    static final String FETCHED = "token-fetched";

    private TokenStep() {
    }

    /**
     * Network I/O, bounded by the client's timeouts. The first finding says whether a token was fetched
     * ({@link #FETCHED}, OK) or why not (FAIL); those after it are about the token.
     */
    static List<Finding> run(ClientConfig client, LoadedConfig loaded) {
        AccessToken token;
        ServerDate serverDate = new ServerDate(Clock.systemUTC());
        try {
            token = tokenSource(client, PropertiesFileValues.pathOf(loaded), serverDate).fetch();
        } catch (TokenFetchException e) {
            return Collections.singletonList(failed(client, loaded, e));
        }
        List<Finding> findings = new ArrayList<>();
        findings.add(Finding.ok(FETCHED, "token_type=" + token.tokenType() + "  lifetime=" + token.lifetimeSeconds()
                + "s  scopes=" + scopes(token, client) + "  fingerprint=" + token.fingerprint()));
        findings.addAll(checksOfFetchedToken(client, token, serverDate));
        return findings;
    }

    /** What a failed token request means for the user, and the fix ({@link TokenFailureDiagnosis}). */
    static Finding failed(ClientConfig client, LoadedConfig loaded, TokenFetchException e) {
        return new TokenFailureDiagnosis(client, new KeyOrigins(client, loaded.effective()), new NetworkProbes(client))
                .diagnose(e);
    }

    /**
     * What the fetched token itself shows against the configuration (claims, the server's clock). Nothing of the
     * token's value may go into a finding.
     */
    static List<Finding> checksOfFetchedToken(ClientConfig client, AccessToken token, ServerDate serverDate) {
        return new TokenClaimsCheck(Clock.systemUTC()).check(client, token, serverDate);
    }

    /**
     * As the agent gets the client's tokens. A user grant redeems its stored refresh token: under the store's lock,
     * writing the rotated one back, so a running application sharing the store adopts it.
     */
    private static TokenSource tokenSource(ClientConfig client, String configFile, ServerDate serverDate) {
        TokenEndpointClient endpoint = new TokenEndpointClient(client, serverDate);
        return client.grantType().holdsRefreshTokens() ? UserGrants.source(client, endpoint, null, null, configFile)
                : endpoint;
    }

    private static String scopes(AccessToken token, ClientConfig client) {
        if (token.grantedScopes() != null) {
            return token.grantedScopes().isEmpty() ? "(none)" : String.join(" ", token.grantedScopes());
        }
        // RFC 6749 §5.1: no scope in the response means the requested scope was granted.
        return client.scopes().isEmpty() ? "(server default)" : String.join(" ", client.scopes()) + " (as requested)";
    }
}
