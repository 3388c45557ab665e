package dev.oauthagent.agent.token.code;

import dev.oauthagent.agent.token.AuthServerGet;
import dev.oauthagent.agent.token.ServerTextSanitizer;
import dev.oauthagent.agent.token.TokenFetchException;
import dev.oauthagent.agent.token.TokenResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

/**
 * Sends the authorization request once, without credentials or cookies and without following the redirect,
 * before the person is sent there. A server that refuses the redirect URI or the client cannot redirect back
 * (RFC 6749 §4.1.2.1), so without this check the flow would only wait for its timeout while the browser shows
 * the server's error page.
 *
 * <p>A healthy endpoint answers with its login page or a redirect to it, before it knows who the person is. So a
 * 400, or a 401 that is no request for credentials (no WWW-Authenticate challenge), stops the flow at once: with
 * the server's reason when it names one (an RFC 6749 error code, or the redirect_uri), else with the likely causes
 * in order. Spring Authorization Server answers a wrong redirect URI or client-id with a bare 400 whose body
 * says nothing. Any other answer, a 401 asking for a login, or no answer at all lets the flow go on.
 */
final class AuthorizationPreflight {
    private static final Logger LOG = LoggerFactory.getLogger(AuthorizationPreflight.class);
    private static final List<String> ERROR_CODES = Arrays.asList("redirect_uri_mismatch", "invalid_redirect_uri",
            "invalid_client", "unauthorized_client", "invalid_scope", "unsupported_response_type", "invalid_request",
            "access_denied", "server_error", "temporarily_unavailable");
    private static final String EXACT_MATCH = "scheme, host, path, case and trailing slash (on the loopback the server"
            + " may allow any port, RFC 8252 §7.3)";

    private final AuthServerGet get;
    private final ServerTextSanitizer sanitizer;
    private final CodeFlowMessages messages;

    AuthorizationPreflight(AuthServerGet get, ServerTextSanitizer sanitizer, CodeFlowMessages messages) {
        this.get = get;
        this.sanitizer = sanitizer;
        this.messages = messages;
    }

    /** @throws TokenFetchException when the server refused the request, saying why (if it can) and what to fix */
    void check(URI authorizationRequest, String redirectUri, String clientId) throws TokenFetchException {
        AuthServerGet.Answer answer;
        try {
            answer = get.get(authorizationRequest);
        } catch (TokenFetchException e) {
            LOG.debug(messages.clientName() + ": authorization request not checked, no answer: " + e.getMessage());
            return;
        }
        if (answer.status() != 400 && answer.status() != 401) {
            return;
        }
        Refusal refusal = refusal(answer);
        if (refusal != null) {
            throw new AuthorizationRefusedException(messages.exception("the authorization server refused the"
                    + " authorization request (HTTP " + answer.status() + (refusal.said == null ? "" : ", "
                    + refusal.said) + "): " + hint(refusal, redirectUri, clientId)), refusal.reason());
        }
        if (answer.status() == 401 && answer.asksForAuthentication()) {
            LOG.debug(messages.clientName() + ": authorization request answered HTTP 401 with a challenge: the"
                    + " server wants a login first; going on");
            return;
        }
        throw new AuthorizationRefusedException(messages.exception("the authorization server refused the"
                + " authorization request (HTTP " + answer.status() + ") before any login, without saying why. Likely"
                + " causes, most likely first: (1) " + redirectUriCause(redirectUri, clientId) + " (2) The server does"
                + " not know client-id '" + clientId + "' or does not let it use the authorization code grant; check "
                + messages.key("client-id") + ". (3) It does not grant the requested scopes; check "
                + messages.key("scopes") + ". The server's log says which."),
                AuthorizationRefusedException.Reason.UNSAID);
    }

    private Refusal refusal(AuthServerGet.Answer answer) {
        TokenResponse json = answer.jsonBody();
        if (json != null && json.error() != null && ERROR_CODES.contains(json.error())) {
            String description = sanitizer.sanitize(json.errorDescription());
            boolean redirect = names("redirect", json.error()) || names("redirect_uri", description)
                    || names("redirect uri", description);
            return new Refusal(json.error(), description == null ? json.error() : json.error() + ": " + description,
                    redirect);
        }
        for (String code : ERROR_CODES) {
            if (answer.bodyMentions(code)) {
                return new Refusal(code, code, code.contains("redirect") || answer.bodyMentions("redirect_uri"));
            }
        }
        // Keycloak and others answer a wrong redirect URI with an HTML page and no error code.
        return answer.bodyMentions("redirect_uri") ? new Refusal(null, null, true) : null;
    }

    private static boolean names(String word, String text) {
        return text != null && text.toLowerCase(java.util.Locale.ROOT).contains(word);
    }

    private String hint(Refusal refusal, String redirectUri, String clientId) {
        if (refusal.redirectUri) {
            return "it does not accept the redirect URI " + redirectUri + " for client-id '" + clientId + "'. The"
                    + " redirect URI must match one registered for the client exactly: " + EXACT_MATCH + ". Fix "
                    + messages.key("redirect-uri") + ", or the client's registration on the server.";
        }
        if ("invalid_client".equals(refusal.code) || "unauthorized_client".equals(refusal.code)) {
            return "it does not know client-id '" + clientId + "' or does not let it use the authorization code"
                    + " grant. Check " + messages.key("client-id") + " and the client's registration on the server.";
        }
        if ("invalid_scope".equals(refusal.code)) {
            return "it does not grant the requested scopes to this client. Check " + messages.key("scopes") + ".";
        }
        return "check " + messages.key("authorization-url") + ", " + messages.key("client-id") + ", "
                + messages.key("scopes") + " and " + messages.key("redirect-uri") + ".";
    }

    private String redirectUriCause(String redirectUri, String clientId) {
        return "the redirect URI " + redirectUri + " is not one registered for client-id '" + clientId + "': it must"
                + " match exactly, " + EXACT_MATCH + "; fix " + messages.key("redirect-uri")
                + " or the client's registration.";
    }

    private static final class Refusal {
        final String code;
        final String said;
        final boolean redirectUri;

        /**
         * @param code the error code, or null when the body named none
         * @param said what to quote of the server's answer (sanitised), or null
         */
        Refusal(String code, String said, boolean redirectUri) {
            this.code = code;
            this.said = said;
            this.redirectUri = redirectUri;
        }

        AuthorizationRefusedException.Reason reason() {
            if (redirectUri) {
                return AuthorizationRefusedException.Reason.REDIRECT_URI;
            }
            if ("invalid_client".equals(code) || "unauthorized_client".equals(code)) {
                return AuthorizationRefusedException.Reason.CLIENT;
            }
            return "invalid_scope".equals(code) ? AuthorizationRefusedException.Reason.SCOPE
                    : AuthorizationRefusedException.Reason.OTHER;
        }
    }
}
