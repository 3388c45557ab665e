package dev.oauthagent.agent.metrics;

import dev.oauthagent.agent.token.TokenFetchException;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * The name a failed token request is counted under: the RFC 6749 error code the server sent, else one of ours.
 * Only names of this shape are kept, so nothing the server wrote beyond a plain code reaches a metric or a log
 * line.
 */
final class FailureCode {
    static final String INVALID_CLIENT = "invalid_client";
    /** An error code of an unexpected shape, or a map already full of codes. */
    static final String OTHER = "other";
    /** No HTTP answer: connection refused, DNS, TLS, timeout. */
    static final String IO_ERROR = "io_error";
    /** A user grant waits for a person's login; no server was asked. */
    static final String LOGIN_NEEDED = "login_needed";
    private static final Pattern PLAIN_CODE = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    private FailureCode() {
    }

    static String of(TokenFetchException failure) {
        String code = failure.errorCode();
        if (code != null) {
            return PLAIN_CODE.matcher(code).matches() ? code : OTHER;
        }
        if (failure.httpStatus() > 0) {
            return "http_" + failure.httpStatus();
        }
        if (failure.kind() == TokenFetchException.Kind.LOGIN_NEEDED) {
            return LOGIN_NEEDED;
        }
        return failure.getCause() instanceof IOException ? IO_ERROR : OTHER;
    }

    /**
     * Whether the server refused the client's credentials: {@code invalid_client}, or a 401 without a code, which
     * the agent reads the same way.
     */
    static boolean isCredentialRefusal(String code) {
        return INVALID_CLIENT.equals(code) || "http_401".equals(code);
    }
}
