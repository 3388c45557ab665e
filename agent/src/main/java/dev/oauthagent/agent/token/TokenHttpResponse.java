package dev.oauthagent.agent.token;

/**
 * What the token endpoint answered, as far as validation needs it: status, three headers and the body
 * (already capped in size). The body may hold a token; it is never printed.
 */
public final class TokenHttpResponse {
    private final int status;
    private final String contentType;
    private final String retryAfter;
    private final byte[] body;
    private final String location;
    private final String challenge;

    /**
     * @param contentType the Content-Type header, or null
     * @param retryAfter  the Retry-After header, or null
     */
    public TokenHttpResponse(int status, String contentType, String retryAfter, byte[] body) {
        this(status, contentType, retryAfter, body, null, null);
    }

    /**
     * @param location  the Location header of a redirect, or null
     * @param challenge the WWW-Authenticate header, or null
     */
    TokenHttpResponse(int status, String contentType, String retryAfter, byte[] body, String location,
            String challenge) {
        this.status = status;
        this.contentType = contentType;
        this.retryAfter = retryAfter;
        this.body = body == null ? new byte[0] : body;
        this.location = location;
        this.challenge = challenge;
    }

    public int status() { return status; }
    public String contentType() { return contentType; }
    public String retryAfter() { return retryAfter; }
    /** The body as received. May hold a token: never print it. */
    public byte[] body() { return body; }
    public String location() { return location; }
    /** The WWW-Authenticate header: how the server wants the request authenticated, or null. */
    public String challenge() { return challenge; }

    public boolean isRedirect() {
        return status >= 300 && status < 400;
    }

    /** An HTML error or login page, by header or by the first non-blank character. */
    public boolean looksLikeHtml() {
        if (contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).contains("html")) {
            return true;
        }
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b == '<';
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "TokenHttpResponse{status=" + status + ", contentType=" + contentType + ", bodyBytes=" + body.length + "}";
    }
}
