package dev.oauthagent.agent.token.code;

/**
 * What the authorization server sent back through the browser (RFC 6749 §4.1.2): a code, or an error with its
 * description. The error text is already sanitised; the code is a credential and is never shown.
 */
final class AuthorizationResponse {
    private final String code;
    private final String error;
    private final String errorDescription;

    private AuthorizationResponse(String code, String error, String errorDescription) {
        this.code = code;
        this.error = error;
        this.errorDescription = errorDescription;
    }

    static AuthorizationResponse code(String code) {
        return new AuthorizationResponse(code, null, null);
    }

    /** @param errorDescription sanitised, or null */
    static AuthorizationResponse error(String error, String errorDescription) {
        return new AuthorizationResponse(null, error, errorDescription);
    }

    boolean isCode() {
        return code != null;
    }

    String code() {
        return code;
    }

    /** The error code, sanitised. */
    String error() {
        return error;
    }

    /** Sanitised, or null. */
    String errorDescription() {
        return errorDescription;
    }

    /** "access_denied (The user said no)" */
    String describeError() {
        return errorDescription == null || errorDescription.isEmpty() ? error : error + " (" + errorDescription + ")";
    }

    @Override
    public String toString() {
        return isCode() ? "AuthorizationResponse{code=****}" : "AuthorizationResponse{error=" + describeError() + "}";
    }
}
