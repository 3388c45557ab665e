package dev.oauthagent.agent.token;

/**
 * The response body is not a JSON object with correctly typed token response fields. The message describes
 * the problem without quoting the body, so it is safe to show.
 */
public final class MalformedTokenResponseException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedTokenResponseException(String message) {
        super(message);
    }
}
