package dev.oauthagent.bootstrap;

import java.io.IOException;

/**
 * What the calls inserted into Apache HttpClient 5 ({@code org.apache.hc.client5}) reach, once per hop: the
 * first request, each redirect the client follows, each retry it makes itself, each authentication round. Every
 * value is the library's own object, passed as Object (nothing here may name a library type); the agent reaches
 * their members through method handles bound per class loader. Implementations never throw: a failure the
 * request must see is returned, the advice throws it.
 */
public interface Apache5Hook {

    /**
     * Classic client, just before {@code InternalExecRuntime.execute} writes the request to its connection, after
     * every request interceptor and the client's own authentication ran.
     *
     * @param request the {@code ClassicHttpRequest} about to be sent
     * @param context the {@code HttpClientContext}, whose route names where the connection goes
     * @return null to send it, or the exception to fail it with (fail-closed, nothing sent)
     */
    IOException beforeClassicSend(Object request, Object context);

    /**
     * Classic client, when {@code InternalExecRuntime.execute} returns {@code response} to {@code request}.
     *
     * @param runtime the {@code InternalExecRuntime} (to send the request once more on the same connection)
     * @param exchangeId the exchange's id, for a resend
     * @return the response to hand on: {@code response}, or the response to a resend; or the Throwable
     *     (IOException, RuntimeException, Error) that resend failed with, for the advice to throw
     */
    Object afterClassicResponse(Object response, Object runtime, String exchangeId, Object request, Object context);

    /**
     * Async client, at the start of the exec chain's last element ({@code HttpAsyncMainClientExec} or
     * {@code H2AsyncMainClientExec}), before the exchange is handed to a connection (HTTP/1.1 or HTTP/2).
     *
     * @param exec the chain element, to run a resend through it
     * @return the {@code AsyncExecCallback} to use in place of {@code callback} (which may be {@code callback}
     *     itself), or the {@link IOException} to fail the exchange with (fail-closed, nothing sent)
     */
    Object beforeAsyncExec(Object exec, Object request, Object entityProducer, Object scope, Object chain,
                           Object callback);

    /**
     * At the start of HttpCore 5's {@code DefaultHttpProcessor.process(HttpRequest, ..)}, which runs a client's
     * request interceptors (the async client's after {@link #beforeAsyncExec}): a token of ours comes off
     * {@code request} while they run.
     */
    void beforeInterceptors(Object request);

    /** When that {@code process} returns: the token goes back on, unless the interceptors put the application's there. */
    void afterInterceptors(Object request);
}
