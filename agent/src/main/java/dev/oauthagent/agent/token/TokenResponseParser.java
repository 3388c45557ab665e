package dev.oauthagent.agent.token;

import dev.oauthagent.agent.token.JsonObjectReader.Fields;

/**
 * Reads a token endpoint response body: the RFC 6749 §5.1/§5.2 fields, type-checked by {@link JsonObjectReader}
 * (one JSON object, unknown fields skipped, no field twice).
 *
 * <p>{@code refresh_token} and OpenID Connect's {@code id_token} are kept although the client credentials
 * grant has no use for them: some servers return them anyway, and a credential the agent holds must be known
 * to the log scrubber. Both must be JSON strings like every other string field.
 */
public final class TokenResponseParser {
    private static final JsonObjectReader READER = JsonObjectReader.builder()
            .strings("RFC 6749 requires a string", "access_token", "token_type", "scope", "refresh_token", "error",
                    "error_description", "error_uri")
            .strings("OpenID Connect requires a string (a JWT)", "id_token")
            .numbers("RFC 6749 §5.1 requires a JSON number of seconds", "expires_in")
            .build();

    public TokenResponse parse(byte[] body) throws MalformedTokenResponseException {
        Fields f = READER.read(body);
        return new TokenResponse(f.string("access_token"), f.string("token_type"), f.number("expires_in"),
                f.string("scope"), f.string("refresh_token"), f.string("id_token"), f.string("error"),
                f.string("error_description"), f.string("error_uri"));
    }
}
