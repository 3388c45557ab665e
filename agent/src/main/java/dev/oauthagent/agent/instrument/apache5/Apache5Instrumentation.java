package dev.oauthagent.agent.instrument.apache5;

import dev.oauthagent.agent.inject.Injector;
import dev.oauthagent.agent.instrument.HookPoint;
import dev.oauthagent.agent.instrument.LibraryInstrumentation;
import dev.oauthagent.bootstrap.Bridge;

import java.lang.instrument.Instrumentation;
import java.util.Arrays;
import java.util.List;

/**
 * Apache HttpClient 5 ({@code org.apache.hc.client5}, 5.1 to 5.6): the classic client ({@code HttpClients},
 * {@code CloseableHttpClient.execute} in all its forms) and the async one ({@code HttpAsyncClients}, HTTP/1.1 and
 * HTTP/2). Four library classes are transformed, with calls into {@code dev.oauthagent.bootstrap.Apache5Advice}:
 * <ul>
 *   <li>classic: {@code InternalExecRuntime.execute}, which writes one request to the exchange's connection, once
 *       per hop (first request, each redirect {@code RedirectExec} follows, each retry of
 *       {@code HttpRequestRetryExec}, each authentication round of {@code ProtocolExec}), after every request
 *       interceptor ran (from 5.2 they run in {@code MainClientExec}, just before it): the token goes on at its
 *       start; on its return a 401 {@code invalid_token} drops the token and, where the request can be replayed,
 *       sends it once more. 5.1 has the 3-argument {@code execute}; 5.2+ route that one to a 4-argument one, which
 *       is hooked instead;</li>
 *   <li>async: {@code HttpAsyncMainClientExec.execute} and {@code H2AsyncMainClientExec.execute}, the last element
 *       of the exec chain, once per hop, before the exchange is handed to a connection: a fail-closed refusal is
 *       thrown from there, which the chain turns into the failure of the exchange's future;</li>
 *   <li>async, after it: HttpCore 5's {@code DefaultHttpProcessor.process(HttpRequest, ..)}, which runs the request
 *       interceptors the async client runs later (5.2+: all of them, as the exchange produces the request; 5.1:
 *       those added last, on the connection): the token is off the request while they run, so a header of the
 *       application's they add is its own (see {@link Apache5Hop}). Until the async hook has put a token on a
 *       request, these calls return at once.</li>
 * </ul>
 * And the minimal async clients, which the agent does not cover (they have no exec chain): where they take a
 * request ({@code MinimalHttpAsyncClient.leaseEndpoint}; {@code MinimalH2AsyncClient.execute} and the HTTP/2
 * session pools: 5.1's {@code H2ConnPool.connectSession}, 5.5+'s {@code InternalH2ConnPool.getSession}), so that a request of theirs to a configured host is reported
 * ({@link MinimalClients}).
 *
 * <p>A class loads untouched if its method is not there (logged at warn by the transformer); the members reached by
 * reflection are checked the first time a hooked class runs ({@link LibraryBindings}).
 */
public final class Apache5Instrumentation implements LibraryInstrumentation {
    static final String CLASSIC_RUNTIME = "org.apache.hc.client5.http.impl.classic.InternalExecRuntime";
    static final String ASYNC_EXEC = "org.apache.hc.client5.http.impl.async.HttpAsyncMainClientExec";
    static final String H2_ASYNC_EXEC = "org.apache.hc.client5.http.impl.async.H2AsyncMainClientExec";
    static final String PROCESSOR = "org.apache.hc.core5.http.protocol.DefaultHttpProcessor";
    static final String MINIMAL = "org.apache.hc.client5.http.impl.async.MinimalHttpAsyncClient";
    static final String MINIMAL_H2 = "org.apache.hc.client5.http.impl.async.MinimalH2AsyncClient";
    /** The HTTP/2 session pools: HttpCore's in 5.1, HttpClient's own from 5.5. */
    static final String H2_POOL_51 = "org.apache.hc.core5.http2.nio.pool.H2ConnPool";
    static final String H2_POOL = "org.apache.hc.client5.http.impl.async.InternalH2ConnPool";
    private static final String ADVICE = "dev/oauthagent/bootstrap/Apache5Advice";
    private static final String REQUEST = "Lorg/apache/hc/core5/http/ClassicHttpRequest;";
    private static final String CONTEXT = "Lorg/apache/hc/client5/http/protocol/HttpClientContext;";
    private static final String RESPONSE = "Lorg/apache/hc/core5/http/ClassicHttpResponse;";
    private static final String INFORMATION = "Lorg/apache/hc/core5/http/io/HttpResponseInformationCallback;";
    private static final String EXECUTE_3 = "(Ljava/lang/String;" + REQUEST + CONTEXT + ")" + RESPONSE;
    private static final String EXECUTE_4 = "(Ljava/lang/String;" + REQUEST + INFORMATION + CONTEXT + ")" + RESPONSE;
    private static final String ASYNC_EXECUTE = "(Lorg/apache/hc/core5/http/HttpRequest;"
            + "Lorg/apache/hc/core5/http/nio/AsyncEntityProducer;"
            + "Lorg/apache/hc/client5/http/async/AsyncExecChain$Scope;"
            + "Lorg/apache/hc/client5/http/async/AsyncExecChain;"
            + "Lorg/apache/hc/client5/http/async/AsyncExecCallback;)V";
    private static final String PROCESS_REQUEST = "(Lorg/apache/hc/core5/http/HttpRequest;"
            + "Lorg/apache/hc/core5/http/EntityDetails;Lorg/apache/hc/core5/http/protocol/HttpContext;)V";
    private static final String OBJECT = "Ljava/lang/Object;";
    private static final String TIMEOUT = "Lorg/apache/hc/core5/util/Timeout;";
    private static final String FUTURE_CALLBACK = "Lorg/apache/hc/core5/concurrent/FutureCallback;)"
            + "Ljava/util/concurrent/Future;";
    private static final String LEASE_ENDPOINT = "(Lorg/apache/hc/core5/http/HttpHost;" + TIMEOUT + TIMEOUT + CONTEXT
            + FUTURE_CALLBACK;
    private static final String MINIMAL_EXECUTE = "(Lorg/apache/hc/core5/http/nio/AsyncClientExchangeHandler;"
            + "Lorg/apache/hc/core5/http/nio/HandlerFactory;Lorg/apache/hc/core5/http/protocol/HttpContext;)"
            + "Lorg/apache/hc/core5/concurrent/Cancellable;";
    private static final String CONNECT_SESSION_51 = "(Lorg/apache/hc/core5/http/HttpHost;" + TIMEOUT + FUTURE_CALLBACK;
    private static final String GET_SESSION = "(Lorg/apache/hc/client5/http/HttpRoute;" + TIMEOUT + FUTURE_CALLBACK;

    @Override
    public String name() {
        return "Apache HttpClient 5";
    }

    @Override
    public String[] targetClasses() {
        return new String[] {CLASSIC_RUNTIME, ASYNC_EXEC, H2_ASYNC_EXEC, PROCESSOR, MINIMAL, MINIMAL_H2, H2_POOL_51,
            H2_POOL};
    }

    @Override
    public void prepare(Instrumentation inst, Injector injector) {
        Apache5Hop.install(injector);
    }

    @Override
    public List<HookPoint> hookPoints() {
        return Arrays.asList(
                HookPoint.atEntry(CLASSIC_RUNTIME, "execute", EXECUTE_3).unlessClassDeclares("execute", EXECUTE_4)
                        .pushArgument(1).pushArgument(2)
                        .calls(ADVICE, "beforeClassicSend", "(" + OBJECT + OBJECT + ")V"),
                HookPoint.at(HookPoint.Position.EXIT_REPLACING_RETURN_VALUE, CLASSIC_RUNTIME, "execute", EXECUTE_3)
                        .unlessClassDeclares("execute", EXECUTE_4)
                        .pushThis().pushArgument(0).pushArgument(1).pushArgument(2)
                        .calls(ADVICE, "afterClassicResponse",
                                "(" + OBJECT + OBJECT + "Ljava/lang/String;" + OBJECT + OBJECT + ")" + OBJECT),
                HookPoint.atEntry(CLASSIC_RUNTIME, "execute", EXECUTE_4).optional()
                        .pushArgument(1).pushArgument(3)
                        .calls(ADVICE, "beforeClassicSend", "(" + OBJECT + OBJECT + ")V"),
                HookPoint.at(HookPoint.Position.EXIT_REPLACING_RETURN_VALUE, CLASSIC_RUNTIME, "execute", EXECUTE_4)
                        .optional()
                        .pushThis().pushArgument(0).pushArgument(1).pushArgument(2).pushArgument(3)
                        .calls(ADVICE, "afterClassicResponse",
                                "(" + OBJECT + OBJECT + "Ljava/lang/String;" + OBJECT + OBJECT + OBJECT + ")" + OBJECT),
                asyncEntry(ASYNC_EXEC),
                asyncEntry(H2_ASYNC_EXEC),
                HookPoint.atEntry(PROCESSOR, "process", PROCESS_REQUEST).pushArgument(0)
                        .calls(ADVICE, "beforeInterceptors", "(" + OBJECT + ")V"),
                HookPoint.at(HookPoint.Position.EXIT, PROCESSOR, "process", PROCESS_REQUEST).pushArgument(0)
                        .calls(ADVICE, "afterInterceptors", "(" + OBJECT + ")V"),
                HookPoint.atEntry(MINIMAL, "leaseEndpoint", LEASE_ENDPOINT).pushThis().pushArgument(0)
                        .calls(ADVICE, "minimalClientRequesting", "(" + OBJECT + OBJECT + ")V"),
                HookPoint.atEntry(MINIMAL_H2, "execute", MINIMAL_EXECUTE).pushThis()
                        .calls(ADVICE, "minimalClientExecuting", "(" + OBJECT + ")V"),
                HookPoint.at(HookPoint.Position.EXIT_OR_THROW, MINIMAL_H2, "execute", MINIMAL_EXECUTE)
                        .calls(ADVICE, "minimalClientExecuted", "()V"),
                HookPoint.atEntry(H2_POOL_51, "connectSession", CONNECT_SESSION_51).optional().pushArgument(0)
                        .calls(ADVICE, "sessionRequested", "(" + OBJECT + ")V"),
                HookPoint.atEntry(H2_POOL, "getSession", GET_SESSION).optional().pushArgument(0)
                        .calls(ADVICE, "sessionRequested", "(" + OBJECT + ")V"));
    }

    private static HookPoint asyncEntry(String execClass) {
        return HookPoint.atEntry(execClass, "execute", ASYNC_EXECUTE)
                .pushThis().pushArgument(0).pushArgument(1).pushArgument(2).pushArgument(3).pushArgument(4)
                .replacingArgument(4)
                .calls(ADVICE, "beforeAsyncExec", "(" + OBJECT + OBJECT + OBJECT + OBJECT + OBJECT + OBJECT + ")" + OBJECT);
    }

    @Override
    public void disable() {
        Bridge.installApache5(null);
    }
}
