package dev.oauthagent.agent.instrument.apache4;

import dev.oauthagent.agent.inject.Injector;
import dev.oauthagent.agent.instrument.HookPoint;
import dev.oauthagent.agent.instrument.LibraryInstrumentation;
import dev.oauthagent.bootstrap.Bridge;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;

/**
 * Apache HttpClient 4.x (the 4.3+ builder API and the deprecated {@code DefaultHttpClient} family) and
 * HttpAsyncClient 4.1, with calls into {@code dev.oauthagent.bootstrap.Apache4Advice}:
 * <ul>
 *   <li>at the start of HttpCore's {@code HttpRequestExecutor.execute(request, connection, context)}, which every
 *       classic hop passes through on its connection, old API and new (the first request, each redirect, each
 *       retry, each authentication round), after the client's interceptors and authenticator set their headers;</li>
 *   <li>when an async exchange handler's {@code generateRequest()} returns the request it submits next (the
 *       default, minimal and pipelining clients of HttpAsyncClient 4.1);</li>
 *   <li>when the client decides whether to send a request again for authentication (the private
 *       {@code needAuthentication} of both {@code MainClientExec}s, the deprecated
 *       {@code DefaultRequestDirector.handleResponse}): a 401 {@code invalid_token} to the agent's token joins
 *       that loop, so the client itself sends the request again, with its own checks (a body it can replay,
 *       the connection kept or reopened).</li>
 * </ul>
 * The classes are found by name in whichever class loader defines them; the library's objects are reached
 * through method handles bound once per copy of the library ({@link HttpCore4}).
 */
public final class Apache4Instrumentation implements LibraryInstrumentation {
    static final String EXECUTOR = "org.apache.http.protocol.HttpRequestExecutor";
    static final String CLASSIC_EXEC = "org.apache.http.impl.execchain.MainClientExec";
    static final String DIRECTOR = "org.apache.http.impl.client.DefaultRequestDirector";
    static final String ASYNC_EXEC = "org.apache.http.impl.nio.client.MainClientExec";
    static final String[] ASYNC_HANDLERS = {
        "org.apache.http.impl.nio.client.DefaultClientExchangeHandlerImpl",
        "org.apache.http.impl.nio.client.MinimalClientExchangeHandlerImpl",
        "org.apache.http.impl.nio.client.PipeliningClientExchangeHandlerImpl",
    };
    private static final String ADVICE = "dev/oauthagent/bootstrap/Apache4Advice";
    private static final String OBJECT = "Ljava/lang/Object;";
    private static final String RESPONSE = "Lorg/apache/http/HttpResponse;";
    private static final String CONTEXT = "Lorg/apache/http/protocol/HttpContext;";
    private static final String ROUTED = "Lorg/apache/http/impl/client/RoutedRequest;";
    private static final String AUTH_STATE = "Lorg/apache/http/auth/AuthState;";

    @Override
    public String name() {
        return "Apache HttpClient 4";
    }

    @Override
    public String[] targetClasses() {
        String[] targets = new String[4 + ASYNC_HANDLERS.length];
        targets[0] = EXECUTOR;
        targets[1] = CLASSIC_EXEC;
        targets[2] = DIRECTOR;
        targets[3] = ASYNC_EXEC;
        System.arraycopy(ASYNC_HANDLERS, 0, targets, 4, ASYNC_HANDLERS.length);
        return targets;
    }

    @Override
    public String withoutIt() {
        return "requests sent through it get no token";
    }

    @Override
    public void prepare(Instrumentation inst, Injector injector) {
        Apache4Hop.install(injector);
    }

    @Override
    public List<HookPoint> hookPoints() {
        List<HookPoint> points = new ArrayList<HookPoint>();
        points.add(HookPoint.atEntry(EXECUTOR, "execute", "(Lorg/apache/http/HttpRequest;"
                        + "Lorg/apache/http/HttpClientConnection;" + CONTEXT + ")" + RESPONSE)
                .pushArgument(0).pushArgument(2)
                .calls(ADVICE, "beforeExecute", "(" + OBJECT + OBJECT + ")V"));
        points.add(HookPoint.at(HookPoint.Position.EXIT_REPLACING_RETURN_VALUE, CLASSIC_EXEC, "needAuthentication",
                        "(" + AUTH_STATE + AUTH_STATE + "Lorg/apache/http/conn/routing/HttpRoute;" + RESPONSE
                                + "Lorg/apache/http/client/protocol/HttpClientContext;)Z")
                .pushArgument(3).pushArgument(4)
                .calls(ADVICE, "afterNeedAuthentication", "(Z" + OBJECT + OBJECT + ")Z"));
        points.add(HookPoint.at(HookPoint.Position.EXIT_REPLACING_RETURN_VALUE, DIRECTOR, "handleResponse",
                        "(" + ROUTED + RESPONSE + CONTEXT + ")" + ROUTED)
                .pushArgument(0).pushArgument(1).pushArgument(2)
                .calls(ADVICE, "afterHandleResponse", "(" + OBJECT + OBJECT + OBJECT + OBJECT + ")" + OBJECT));
        for (String handler : ASYNC_HANDLERS) {
            points.add(HookPoint.at(HookPoint.Position.EXIT_REPLACING_RETURN_VALUE, handler, "generateRequest",
                            "()Lorg/apache/http/HttpRequest;")
                    .pushThis()
                    .calls(ADVICE, "afterGenerateRequest", "(" + OBJECT + OBJECT + ")" + OBJECT));
        }
        points.add(HookPoint.at(HookPoint.Position.EXIT_REPLACING_RETURN_VALUE, ASYNC_EXEC, "needAuthentication",
                        "(Lorg/apache/http/impl/nio/client/InternalState;"
                                + "Lorg/apache/http/impl/nio/client/AbstractClientExchangeHandler;)Z")
                .pushArgument(0).pushArgument(1)
                .calls(ADVICE, "afterAsyncNeedAuthentication", "(Z" + OBJECT + OBJECT + ")Z"));
        return points;
    }

    @Override
    public void disable() {
        Bridge.installApache4(null);
    }
}
