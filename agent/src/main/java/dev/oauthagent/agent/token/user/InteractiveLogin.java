package dev.oauthagent.agent.token.user;

import dev.oauthagent.agent.token.AccessToken;
import dev.oauthagent.agent.token.TokenFetchException;

/**
 * A grant that needs a person: the device flow (RFC 8628) or the authorization code flow with PKCE (RFC 7636).
 * The {@code login} command runs one once and stores the refresh token it yields; under the agent, a client with
 * no refresh token runs its device flow at start.
 */
public interface InteractiveLogin {

    /**
     * Runs the flow until the person has finished it, it failed or it expired. Blocking; every wait in it is
     * bounded.
     *
     * @return the token the flow ended with; it carries the refresh token when the server issued one
     * @throws TokenFetchException when the flow ended without a token, with a message that says why and what to do
     * @throws InterruptedException when the calling thread is interrupted while waiting for the person
     */
    AccessToken login() throws TokenFetchException, InterruptedException;
}
