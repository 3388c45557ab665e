package dev.oauthagent.agent.instrument.apache5;

import dev.oauthagent.agent.inject.Injector;
import dev.oauthagent.bootstrap.Apache5Hook;
import dev.oauthagent.bootstrap.Bridge;
import dev.oauthagent.bootstrap.ConnectHook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.function.Supplier;

/**
 * The agent side of the Apache HttpClient 5 hooks: applies the {@link Injector}'s decision to each hop about to
 * be sent, to the hop's real destination (its route's target host, where the connection goes, and the request's
 * path; never a Host header), and answers a 401 {@code invalid_token} to a token of ours by dropping the token
 * and, for the classic client where the request can be sent again unchanged, sending it once more with a fresh
 * one. A failure of ours is logged once and the request goes on as the application built it.
 *
 * <p>The hop's {@code Authorization} value as the hook finds it is the application's own, whoever put it there:
 * the application's request, a default header, a request interceptor of its own, or the library's authentication
 * (credentials provider, auth cache). The agent's token goes on the library's per-exchange copy of the request
 * (the client copies the application's request before its exec chain runs, and builds every redirect hop from the
 * application's request again), so it never reaches another hop on its own.
 *
 * <p>The async client runs request interceptors after its hook (5.2+: all of them, as the exchange produces the
 * request; 5.1: those added with {@code addRequestInterceptorLast}, on the connection). Their processor is hooked
 * too: a token of ours comes off the request while they run, so they see the request as the application built it
 * (a default header or an interceptor that adds its own only where none is there), and goes back on afterwards
 * unless they put a value of the application's there ({@link Injector#afterInterceptors}). The token was decided
 * for the hop's destination before, where the route is known; this part needs none.
 */
final class Apache5Hop implements Apache5Hook {
    private static final Logger log = LoggerFactory.getLogger(Apache5Hop.class);
    static final String AUTHORIZATION = "Authorization";
    private static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    private static final int UNAUTHORIZED = 401;
    /** Set while the classic hook sends a request once more, so that that send is not resent again. */
    private static final ThreadLocal<Boolean> RESENDING = new ThreadLocal<Boolean>();
    /**
     * The request whose token of ours is off while its interceptors run on this thread, and that token; an
     * interceptor that sends a request of its own on this thread in the meantime does not disturb it (that request
     * is another one).
     */
    private static final ThreadLocal<Object[]> OFF_DURING_INTERCEPTORS = new ThreadLocal<Object[]>() {
        @Override
        protected Object[] initialValue() {
            return new Object[2];
        }
    };

    private final Injector injector;
    private final LibraryBindings bindings;
    private final MinimalClients minimalClients;
    /** Whether the async hook ever put a token on a request: until then the interceptor hooks return at once. */
    private volatile boolean asyncTokenSent;
    private volatile boolean failureLogged;

    /**
     * Makes the hop the hook the inserted calls reach. Here, not in the instrumentation: see
     * {@link dev.oauthagent.agent.instrument.LibraryInstrumentation} on bootstrap types.
     */
    static void install(Injector injector) {
        Bridge.installApache5(new Apache5Hop(injector, new LibraryBindings()));
    }

    Apache5Hop(Injector injector, LibraryBindings bindings) {
        this(injector, bindings, new MinimalClients(bindings, new Supplier<ConnectHook>() {
            @Override
            public ConnectHook get() {
                return Bridge.connect();
            }
        }));
    }

    Apache5Hop(Injector injector, LibraryBindings bindings, MinimalClients minimalClients) {
        this.injector = injector;
        this.bindings = bindings;
        this.minimalClients = minimalClients;
    }

    @Override
    public IOException beforeClassicSend(Object request, Object context) {
        try {
            Apache5Members members = bindings.forLibraryClass(context.getClass());
            if (members == null) {
                return null;
            }
            Object route = members.contextRoute(context);
            if (route != null) {
                decide(members, request, route);
            }
            return null;
        } catch (IOException failClosed) {
            return failClosed;
        } catch (Throwable t) {
            logOnce(t);
            return null;
        }
    }

    @Override
    public Object afterClassicResponse(Object response, Object runtime, String exchangeId, Object request,
                                       Object context) {
        if (RESENDING.get() != null) {
            return response;
        }
        try {
            Apache5Members members = bindings.forLibraryClass(context.getClass());
            if (members == null || !droppedOnChallenge(members, request, response)) {
                return response;
            }
            Object route = members.contextRoute(context);
            if (route == null) {
                return response;
            }
            if (members.viaProxy(route) || !members.replayable(request)) {
                // The host only: a path or query may hold a credential of the application's.
                log.debug("not sending a request to {} again: its body cannot be replayed or it goes through a proxy;"
                        + " the application gets the 401", members.hostName(members.target(route)));
                return response;
            }
            return resend(members, runtime, exchangeId, request, context, response);
        } catch (Throwable t) {
            logOnce(t);
            return response;
        }
    }

    /**
     * Sends the request once more on a new connection to the same route: the 401's connection is closed rather than
     * read to its end, so nothing depends on whether the server keeps it open. The request is the one just sent,
     * every header the interceptors and the library put on it included; the entry hook replaces the refused token.
     * A failure of the resend is the application's answer, as any failure of a request: its IOException is thrown.
     */
    private Object resend(Apache5Members members, Object runtime, String exchangeId, Object request, Object context,
                          Object refused) throws Throwable {
        members.disconnect(runtime);
        closeQuietly(refused);
        RESENDING.set(Boolean.TRUE);
        try {
            return members.execute(runtime, exchangeId, request, context);
        } catch (IOException | RuntimeException | Error e) {
            return e;
        } catch (Throwable e) {
            return new IOException("the resend after a refused token failed: " + e.getClass().getName(), e);
        } finally {
            RESENDING.remove();
        }
    }

    @Override
    public Object beforeAsyncExec(Object exec, Object request, Object entityProducer, Object scope, Object chain,
                                  Object callback) {
        try {
            Apache5Members members = bindings.forLibraryClass(exec.getClass());
            if (members == null) {
                return null;
            }
            String sent = decide(members, request, members.scopeRoute(scope));
            if (!injector.isAgentValue(sent)) {
                return null;
            }
            asyncTokenSent = true;
            return Proxy.newProxyInstance(members.asyncCallback.getClassLoader(),
                    new Class<?>[] {members.asyncCallback},
                    new RejectionWatch(this, members, callback, request, sent));
        } catch (IOException failClosed) {
            return failClosed;
        } catch (Throwable t) {
            logOnce(t);
            return null;
        }
    }

    @Override
    public void beforeInterceptors(Object request) {
        if (!asyncTokenSent) {
            return;
        }
        try {
            Apache5Headers headers = bindings.headersFor(request.getClass());
            if (headers == null) {
                return;
            }
            String value = headers.firstValue(request, AUTHORIZATION);
            // The array only where a token of ours is there: every other request costs one header lookup.
            if (injector.isAgentValue(value) && headers.values(request, AUTHORIZATION).length == 1) {
                headers.replace(request, AUTHORIZATION, null);
                Object[] off = OFF_DURING_INTERCEPTORS.get();
                off[0] = request;
                off[1] = value;
            }
        } catch (Throwable t) {
            logOnce(t);
        }
    }

    @Override
    public void afterInterceptors(Object request) {
        if (!asyncTokenSent) {
            return;
        }
        Object[] off = OFF_DURING_INTERCEPTORS.get();
        if (off[0] != request) {
            return;
        }
        String decided = (String) off[1];
        off[0] = null;
        off[1] = null;
        try {
            Apache5Headers headers = bindings.headersFor(request.getClass());
            String added = headers.firstValue(request, AUTHORIZATION);
            String value = injector.afterInterceptors(decided, added);
            if (value != added) {
                headers.replace(request, AUTHORIZATION, value);
            }
        } catch (Throwable t) {
            logOnce(t);
        }
    }

    /**
     * Puts the injector's value on {@code request}, bound for {@code route}; returns the value the hop carries.
     * A CONNECT request opens a tunnel through a proxy and goes to the proxy: never decorated.
     */
    @Override
    public void minimalClientRequesting(Object client, Object target) {
        minimalClients.requesting(client, target);
    }

    @Override
    public void minimalClientExecuting(Object client) {
        minimalClients.executing(client);
    }

    @Override
    public void minimalClientExecuted() {
        minimalClients.executed();
    }

    @Override
    public void sessionRequested(Object routeOrHost) {
        minimalClients.sessionRequested(routeOrHost);
    }

    private String decide(Apache5Members members, Object request, Object route) throws Throwable {
        String existing = members.headers.firstValue(request, AUTHORIZATION);
        if ("CONNECT".equals(members.method(request))) {
            return existing;
        }
        Object target = members.target(route);
        String value = injector.authorizationFor(members.scheme(target), members.hostName(target),
                members.port(target), members.path(request), existing);
        if (value != existing) {
            members.headers.replace(request, AUTHORIZATION, value);
        }
        return value;
    }

    /**
     * Whether {@code response} is a 401 to a token of ours that the injector now no longer serves (dropped on an
     * {@code invalid_token} challenge).
     */
    boolean droppedOnChallenge(Apache5Members members, Object request, Object response) throws Throwable {
        return members.code(response) == UNAUTHORIZED
                && droppedOnChallenge(members, members.headers.firstValue(request, AUTHORIZATION), response);
    }

    boolean droppedOnChallenge(Apache5Members members, String sent, Object response) throws Throwable {
        if (!injector.isAgentValue(sent)) {
            return false;
        }
        for (String challenge : members.headers.values(response, WWW_AUTHENTICATE)) {
            if (injector.rejected(sent, challenge)) {
                return true;
            }
        }
        return false;
    }

    private static void closeQuietly(Object response) {
        if (response instanceof Closeable) {
            try {
                ((Closeable) response).close();
            } catch (IOException | RuntimeException ignored) {
                // its connection is closed already
            }
        }
    }

    void logOnce(Throwable t) {
        if (!failureLogged) {
            failureLogged = true;
            log.error("Apache HttpClient 5 hook failed ({}); requests are sent as the application built them."
                    + " Please report this as a bug.", t.getClass().getName());
        }
    }
}
