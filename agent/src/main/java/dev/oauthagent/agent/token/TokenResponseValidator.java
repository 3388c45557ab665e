package dev.oauthagent.agent.token;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.token.TokenFetchException.Kind;

import java.time.Clock;

/**
 * Decides whether a token endpoint answer is a usable Bearer token (RFC 6749 §5.1, RFC 6750) and otherwise
 * why not. One instance per client: it remembers which warnings it has already given.
 *
 * <p>A success needs HTTP 200, a JSON object, a non-empty {@code access_token} in b64token syntax and
 * {@code token_type} Bearer in any case. Everything else becomes a {@link TokenFetchException}: refusals
 * via {@link ErrorResponseClassifier}, malformed answers as transient failures.
 */
public final class TokenResponseValidator {
    private final ClientMessages messages;
    private final ServerTextSanitizer sanitizer;
    private final TokenResponseParser parser = new TokenResponseParser();
    private final ErrorResponseClassifier errors;
    private final ExpiresInPolicy expiresIn;
    private final GrantedScopeCheck scopes;

    public TokenResponseValidator(ClientConfig client) {
        this(client, Clock.systemUTC());
    }

    /** @param clock the wall clock, for Retry-After dates */
    public TokenResponseValidator(ClientConfig client, Clock clock) {
        this.messages = new ClientMessages(client);
        this.sanitizer = ServerTextSanitizer.forClient(client);
        this.errors = new ErrorResponseClassifier(client, messages, sanitizer, clock);
        this.expiresIn = new ExpiresInPolicy(client, messages, sanitizer);
        this.scopes = new GrantedScopeCheck(client, messages, sanitizer);
    }

    public AccessToken validate(TokenHttpResponse response) throws TokenFetchException {
        if (response.status() != 200) {
            throw errors.classify(response, parseLeniently(response));
        }
        TokenResponse parsed;
        try {
            parsed = parser.parse(response.body());
        } catch (MalformedTokenResponseException e) {
            throw malformed(response, e.getMessage());
        }
        // Some servers put an RFC 6749 §5.2 error in a 200 response; it is still a refusal.
        if (parsed.error() != null && parsed.accessToken() == null) {
            throw errors.classify(response, parsed);
        }
        return toAccessToken(parsed);
    }

    private AccessToken toAccessToken(TokenResponse parsed) throws TokenFetchException {
        String token = parsed.accessToken();
        if (token == null || token.isEmpty()) {
            throw transientFailure("returned HTTP 200 without an access_token; the response is not a token"
                    + " response. Check " + messages.key("token-url") + ".");
        }
        String syntaxProblem = BearerTokenSyntax.problem(token);
        if (syntaxProblem != null) {
            throw transientFailure("returned an access_token that is not valid in a Bearer header (RFC 6750"
                    + " §2.1): " + syntaxProblem + ". The token was refused.");
        }
        String type = parsed.tokenType();
        if (type == null) {
            throw transientFailure("returned no token_type; oauth-agent supports Bearer tokens only.");
        }
        if (!type.equalsIgnoreCase("Bearer")) {
            throw new TokenFetchException(messages.exception(messages.endpoint() + " returned token_type '"
                    + sanitizer.sanitize(type) + "'; oauth-agent supports Bearer tokens only. Configure the"
                    + " client on the authorization server to issue Bearer tokens."), Kind.TERMINAL, null, 200,
                    -1, null);
        }
        long lifetime = expiresIn.lifetimeSeconds(parsed.expiresIn());
        return new AccessToken(token, type, lifetime, parsed.expiresIn() != null,
                scopes.grantedScopes(parsed.scope()), parsed.refreshToken(), parsed.idToken());
    }

    private TokenResponse parseLeniently(TokenHttpResponse response) {
        try {
            return parser.parse(response.body());
        } catch (MalformedTokenResponseException e) {
            return null;
        }
    }

    private TokenFetchException malformed(TokenHttpResponse response, String problem) {
        if (response.looksLikeHtml()) {
            return transientFailure("returned " + ClientMessages.HTML_PAGE + " instead of a JSON token response (HTTP 200"
                    + contentType(response) + "); " + messages.key("token-url")
                    + " may point to a login page, a proxy or a web console rather than the token endpoint.");
        }
        return transientFailure("returned a malformed token response (HTTP 200" + contentType(response) + "): "
                + problem + ".");
    }

    private String contentType(TokenHttpResponse response) {
        return response.contentType() == null ? "" : ", Content-Type " + sanitizer.sanitize(response.contentType());
    }

    private TokenFetchException transientFailure(String text) {
        return new TokenFetchException(messages.exception(messages.endpoint() + " " + text), Kind.TRANSIENT,
                null, 200, -1, null);
    }
}
