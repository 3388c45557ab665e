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

    /**
     * {@code MinimalHttpAsyncClient.leaseEndpoint}: the minimal HTTP/1.1 async client, which the agent does not
     * instrument, takes a request for {@code target} (an {@code HttpHost}); reported when a client matches it.
     */
    void minimalClientRequesting(Object client, Object target);

    /** At the start of {@code MinimalH2AsyncClient.execute}: the minimal HTTP/2 async client takes a request. */
    void minimalClientExecuting(Object client);

    /** When that {@code execute} returns or throws. */
    void minimalClientExecuted();

    /**
     * At the start of an HTTP/2 session pool's {@code H2ConnPool.connectSession} (5.1) or
     * {@code InternalH2ConnPool.getSession} (5.5+): the route or host a session is asked for, reported when a minimal
     * client asks for it.
     */
    void sessionRequested(Object routeOrHost);
}
