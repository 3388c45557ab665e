package dev.oauthagent.agent.instrument.okhttp;

import dev.oauthagent.agent.inject.Injector;
import dev.oauthagent.agent.instrument.LastSent;
import dev.oauthagent.bootstrap.Bridge;
import dev.oauthagent.bootstrap.OkHttpHook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * The agent side of the OkHttp advice: applies the {@link Injector}'s decision to the copy of each hop's request
 * whose headers go to the wire, and answers a 401 {@code invalid_token} to a token of ours. A failure of ours is
 * logged once and the request goes on as the application built it.
 *
 * <p>The request OkHttp's interceptors and follow-ups work with never carries the agent's token: only the copy
 * handed to the connection does. So OkHttp cannot carry it to a redirect, an application's {@code Authorization}
 * (set on the request, by an interceptor or by its {@code Authenticator}) is the "existing" value, and after a
 * response the value sent is found in {@link LastSent}, keyed by the request object the copy was made from
 * (the network response's request): OkHttp writes a hop and reads its response on the call's one thread.
 */
final class OkHttpHop implements OkHttpHook {
    private static final Logger log = LoggerFactory.getLogger(OkHttpHop.class);
    private static final String AUTHORIZATION = "Authorization";
    private static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    private static final int UNAUTHORIZED = 401;

    private final Injector injector;
    private final LastSent lastSent = new LastSent();
    private volatile boolean failureLogged;

    /**
     * Makes the hop the hook OkHttp's advice calls. Here, not in the instrumentation: see
     * {@link dev.oauthagent.agent.instrument.LibraryInstrumentation} on bootstrap types.
     */
    static void install(Injector injector) {
        Bridge.installOkHttp(new OkHttpHop(injector));
    }

    OkHttpHop(Injector injector) {
        this.injector = injector;
    }

    @Override
    public Object beforeHeaders(Object request) throws IOException {
        OkHttpMembers okhttp = OkHttpMembers.of(request);
        if (okhttp == null) {
            return request; // a version the agent does not know: logged once when it was met
        }
        String existing;
        try {
            existing = okhttp.header(request, AUTHORIZATION);
            String value = okhttp.authorizationFor(injector, request, existing);
            lastSent.record(request, injector.isAgentValue(value) ? value : null);
            if (value == existing) {
                return request;
            }
            return value == null ? okhttp.withoutHeader(request, AUTHORIZATION)
                    : okhttp.withHeader(request, AUTHORIZATION, value);
        } catch (IOException failClosed) {
            throw failClosed;
        } catch (Throwable t) {
            logOnce(t);
            return request;
        }
    }

    @Override
    public Object afterFollowUp(Object followUp, Object response) {
        try {
            OkHttpMembers okhttp = OkHttpMembers.of(response);
            if (okhttp == null) {
                return followUp;
            }
            Object network = okhttp.networkResponse(response);
            String sent = lastSent.take(network == null ? null : okhttp.request(network));
            if (sent == null || okhttp.code(response) != UNAUTHORIZED || !droppedOnChallenge(okhttp, sent, response)
                    || followUp != null) {
                return followUp; // followUp: the application's Authenticator answers the 401 itself
            }
            Object request = okhttp.request(response);
            if (!okhttp.canResend(request)) {
                // The host only: a URL's query or user info may hold a credential of the application's.
                log.debug("not sending a request to {} again: its body cannot be replayed; the application gets"
                        + " the 401", okhttp.host(request));
                return null;
            }
            // The hop's own request, without our token: the resend is a new hop, decided with the new token.
            return resentBefore(okhttp, response, request) ? null : request;
        } catch (Throwable t) {
            logOnce(t);
            return followUp;
        }
    }

    private boolean droppedOnChallenge(OkHttpMembers okhttp, String sent, Object response) throws Throwable {
        for (String challenge : okhttp.headers(response, WWW_AUTHENTICATE)) {
            if (injector.rejected(sent, challenge)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether this call already answered a 401 to this very request object by sending it again: a resend is the
     * one follow-up that is the same object as its hop's request (redirects and Authenticator retries are new
     * requests), and OkHttp chains each hop's response to the ones before.
     */
    private static boolean resentBefore(OkHttpMembers okhttp, Object response, Object request) throws Throwable {
        for (Object prior = okhttp.priorResponse(response); prior != null; prior = okhttp.priorResponse(prior)) {
            if (okhttp.code(prior) == UNAUTHORIZED && okhttp.request(prior) == request) {
                return true;
            }
        }
        return false;
    }

    private void logOnce(Throwable t) {
        if (!failureLogged) {
            failureLogged = true;
            log.error("OkHttp hook failed ({}); requests are sent as the application built them."
                    + " Please report this as a bug.", t.getClass().getName());
        }
    }
}
