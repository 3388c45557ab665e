package dev.oauthagent.bootstrap;

import java.io.IOException;

/**
 * What the calls inserted into OkHttp (3.12 to 5.x) reach, once per hop. Requests and responses are
 * {@code okhttp3.Request} and {@code okhttp3.Response}, passed as Object because the boot loader cannot see
 * OkHttp's classes; the agent reaches their members through method handles bound per OkHttp copy.
 */
public interface OkHttpHook {

    /**
     * Before the headers of a hop are written to its connection (HTTP/1.1 or HTTP/2): the first request, each
     * redirect, each retry and each Authenticator retry, after the application's and network interceptors.
     *
     * @return the request to write instead (same URL, method and body; other headers), or {@code request} itself
     * @throws IOException only the fail-closed refusal (no token): nothing of the hop is written
     */
    Object beforeHeaders(Object request) throws IOException;

    /**
     * After OkHttp decided what follows {@code response} (a redirect, an Authenticator retry, or null: the
     * response goes to the application).
     *
     * @return the follow-up request to send instead (a resend of a request whose token was refused), or
     * {@code followUp} itself
     */
    Object afterFollowUp(Object followUp, Object response);
}
