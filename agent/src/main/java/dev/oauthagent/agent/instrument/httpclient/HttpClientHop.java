package dev.oauthagent.agent.instrument.httpclient;

import dev.oauthagent.agent.inject.Injector;
import dev.oauthagent.bootstrap.Bridge;
import dev.oauthagent.bootstrap.HttpClientHook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * The agent side of the {@code java.net.http} advice: applies the {@link Injector}'s decision to each hop
 * about to be sent, and answers a 401 {@code invalid_token} to a token of ours by dropping the token and, where
 * the request can be sent again unchanged, sending it once more with a fresh one. A failure of ours is logged
 * once and the request goes on as the application built it.
 *
 * <p>Where the value goes (see {@link HttpClientInternals}): our token is a system header, so the JDK never
 * carries it to the next hop, and the application's own header wins on the wire; with override-existing the
 * application's header is taken off the hop first. The {@code Authenticator}'s header is a system header too:
 * it is the "existing" value and wins the same way.
 */
final class HttpClientHop implements HttpClientHook {
    private static final Logger log = LoggerFactory.getLogger(HttpClientHop.class);
    private static final int UNAUTHORIZED = 401;

    private final Injector injector;
    private final HttpClientInternals jdk;
    private final ResentExchanges resent = new ResentExchanges();
    private volatile boolean failureLogged;

    /**
     * Makes the hop the hook java.net.http's advice calls. Here, not in the instrumentation: see
     * {@link dev.oauthagent.agent.instrument.LibraryInstrumentation} on bootstrap types.
     */
    static void install(Injector injector, HttpClientInternals jdk) {
        Bridge.installHttpClient(new HttpClientHop(injector, jdk));
    }

    HttpClientHop(Injector injector, HttpClientInternals jdk) {
        this.injector = injector;
        this.jdk = jdk;
    }

    @Override
    public IOException beforeSend(Object request) {
        try {
            String user = jdk.userAuthorization(request);
            String existing = user != null ? user : jdk.systemAuthorization(request);
            String value = injector.authorizationFor(jdk.uri(request), existing);
            if (value == existing) {
                return null;
            }
            if (user != null) {
                jdk.removeUserAuthorization(request); // override-existing, or a copy of our token: never sent on
            }
            if (value == null) {
                jdk.removeSystemAuthorization(request);
            } else {
                jdk.setSystemAuthorization(request, value);
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
    public Object afterResponse(Object exchange, Object response) {
        try {
            if (jdk.statusCode(response) != UNAUTHORIZED) {
                return null;
            }
            Object sent = jdk.request(response);
            String user = jdk.userAuthorization(sent);
            String authorization = user != null ? user : jdk.systemAuthorization(sent);
            if (!injector.isAgentValue(authorization)
                    || !injector.rejectedByAny(authorization, jdk.wwwAuthenticate(response))) {
                return null;
            }
            if (!jdk.canResend(sent)) {
                // The host only: a URI's query or user info may hold a credential of the application's.
                log.debug("not sending a request to {} again: its body cannot be replayed; the application gets"
                        + " the 401", jdk.uri(sent).getHost());
                return null;
            }
            return resent.firstTime(exchange) ? jdk.copyForResend(sent) : null;
        } catch (Throwable t) {
            logOnce(t);
            return null;
        }
    }

    private void logOnce(Throwable t) {
        if (!failureLogged) {
            failureLogged = true;
            log.error("java.net.http hook failed ({}); requests are sent as the application built them."
                    + " Please report this as a bug.", t.getClass().getName());
        }
    }
}
