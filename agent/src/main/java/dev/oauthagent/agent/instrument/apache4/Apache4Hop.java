package dev.oauthagent.agent.instrument.apache4;

import dev.oauthagent.agent.inject.Injector;
import dev.oauthagent.bootstrap.Apache4Hook;
import dev.oauthagent.bootstrap.Bridge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;

/**
 * The agent side of the Apache HttpClient 4.x and HttpAsyncClient 4.1 advice: applies the {@link Injector}'s
 * decision to each hop about to be sent, and answers a 401 {@code invalid_token} to a token of ours by dropping the
 * token and, where the request's body can be sent again, letting the client's own authentication loop send it once
 * more (with a fresh token, decided again on that round). A failure of ours is logged once and the request goes on
 * as the application built it.
 *
 * <p>The token is set on the hop's request wrapper (an {@code HttpRequestWrapper}, or the deprecated
 * {@code RequestWrapper}), which the client makes per hop from the application's request: it never reaches the
 * application's own request object, and a redirect starts from a new wrapper with the application's headers only.
 * Whatever the wrapper carries when it reaches the connection is "existing": the application's header, one its
 * interceptor added, or the client's authenticator's (Basic from credentials or its auth cache).
 */
final class Apache4Hop implements Apache4Hook {
    private static final Logger log = LoggerFactory.getLogger(Apache4Hop.class);
    private static final int UNAUTHORIZED = 401;
    private static final String CONNECT = "CONNECT";
    private static final String REQUEST = "http.request";
    private static final String RESPONSE = "http.response";

    private final Injector injector;
    private final ResentRequests resent = new ResentRequests();
    private volatile boolean failureLogged;

    /** Makes the hop the hook the advice calls (see LibraryInstrumentation on bootstrap types). */
    static void install(Injector injector) {
        Bridge.installApache4(new Apache4Hop(injector));
    }

    Apache4Hop(Injector injector) {
        this.injector = injector;
    }

    @Override
    public IOException beforeExecute(Object request, Object context) {
        return decorate(request, context);
    }

    @Override
    public IOException beforeAsyncSubmit(Object request, Object handler) {
        try {
            return decorate(request, AsyncExchanges.context(handler));
        } catch (Throwable t) {
            logOnce(t);
            return null;
        }
    }

    @Override
    public boolean resendClassic(boolean decided, Object response, Object context) {
        try {
            HttpCore4 core = HttpCore4.of(response);
            if (core == null || core.statusCode(response) != UNAUTHORIZED) {
                return decided;
            }
            Object request = core.attribute(context, REQUEST);
            return request == null ? decided : resend(decided, core, request, response, core.canResend(request));
        } catch (Throwable t) {
            logOnce(t);
            return decided;
        }
    }

    @Override
    public boolean resendAsync(boolean decided, Object state, Object handler) {
        try {
            Object context = AsyncExchanges.context(handler);
            HttpCore4 core = context == null ? null : HttpCore4.ofContext(context);
            Object response = core == null ? null : core.attribute(context, RESPONSE);
            if (response == null || core.statusCode(response) != UNAUTHORIZED) {
                return decided;
            }
            Object request = core.attribute(context, REQUEST);
            return request == null ? decided
                    : resend(decided, core, request, response, AsyncExchanges.canResend(state));
        } catch (Throwable t) {
            logOnce(t);
            return decided;
        }
    }

    /**
     * Puts the Injector's value on the hop. A fail-closed refusal becomes an {@link InterruptedIOException}: the
     * client's retry handlers never retry one (4.0 to 4.5, the default and standard ones), so the application sees
     * it once, after one wait, and nothing was sent.
     */
    private IOException decorate(Object request, Object context) {
        try {
            HttpCore4 core = HttpCore4.of(request);
            Object line = core == null ? null : core.requestLine(request);
            if (line == null || CONNECT.equals(core.method(line))) {
                return null; // a proxy tunnel's CONNECT never carries a token to the proxy
            }
            String existing = core.authorization(request);
            Object target = RouteTarget.of(core, context);
            String value = target == null ? injector.authorizationFor((URI) null, existing) // matches no client
                    : decide(core, target, core.requestTarget(line), existing);
            if (value != existing) {
                core.replaceAuthorization(request, value);
            }
            return null;
        } catch (IOException failClosed) {
            InterruptedIOException notRetried = new InterruptedIOException(failClosed.getMessage());
            notRetried.initCause(failClosed);
            return notRetried;
        } catch (Throwable t) {
            logOnce(t);
            return null;
        }
    }

    private String decide(HttpCore4 core, Object target, String requestTarget, String existing) throws Throwable {
        return injector.authorizationFor(core.scheme(target), core.hostName(target), core.port(target), requestTarget,
                RouteTarget.pathStart(requestTarget), existing);
    }

    /**
     * Whether the client sends {@code request} again after the 401 {@code response}: as it decided, plus once when
     * the 401 refused a token of ours that is dropped now and the body can be sent again.
     */
    private boolean resend(boolean decided, HttpCore4 core, Object request, Object response, boolean canResend)
            throws Throwable {
        String sent = core.authorization(request);
        if (!injector.isAgentValue(sent) || !injector.rejectedByAny(sent, core.wwwAuthenticate(response))
                || decided) {
            return decided;
        }
        if (!canResend) {
            log.debug("not sending a request again after its token was refused: its body cannot be replayed;"
                    + " the application gets the 401");
            return false;
        }
        return resent.firstTime(request);
    }

    private void logOnce(Throwable t) {
        if (!failureLogged) {
            failureLogged = true;
            log.error("Apache HttpClient 4 hook failed ({}); requests are sent as the application built them."
                    + " Please report this as a bug.", t.getClass().getName());
        }
    }
}
