package dev.oauthagent.bootstrap;

import java.io.IOException;

/**
 * What the advice in Apache HttpClient 4.x and HttpAsyncClient 4.1 calls, once per hop. Every argument is a
 * library object passed as Object (the bootstrap loader cannot see the application's classes); the agent reaches
 * them through method handles bound once per class loader. Implementations never throw: a failure the request
 * must see is returned, the advice throws it.
 */
public interface Apache4Hook {

    /**
     * In {@code HttpRequestExecutor.execute(request, connection, context)}, before any byte of a request goes to
     * the connection: every hop of the classic client (the first request, each redirect, each retry, each
     * authentication round), after the client's own interceptors and its authenticator added their headers.
     *
     * @return null to send the hop, or the exception to fail it with (fail-closed, nothing sent)
     */
    IOException beforeExecute(Object request, Object context);

    /**
     * When an async exchange handler's {@code generateRequest()} returns the request it is about to submit to the
     * connection: every hop of HttpAsyncClient 4.1.
     *
     * @param handler the exchange handler, which holds the request's context
     * @return null to send the hop, or the exception to fail it with
     */
    IOException beforeAsyncSubmit(Object request, Object handler);

    /**
     * After the classic client decided whether to send the same request again on its own (an authentication
     * challenge): whether to send it again after all, because the 401 refused a token of the agent's.
     *
     * @param context the request's context, which holds the hop ({@code http.request})
     */
    boolean resendClassic(boolean decided, Object response, Object context);

    /** As {@link #resendClassic}, for HttpAsyncClient 4.1 ({@code InternalState} and the exchange handler). */
    boolean resendAsync(boolean decided, Object state, Object handler);
}
