package dev.oauthagent.agent.instrument.urlconnection;

import dev.oauthagent.agent.inject.Injector;
import dev.oauthagent.agent.instrument.LastSent;
import dev.oauthagent.bootstrap.Bridge;
import dev.oauthagent.bootstrap.UrlConnectionHook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URL;
import java.util.Iterator;

/**
 * The agent side of the {@code HttpURLConnection} advice: applies the {@link Injector}'s decision to the
 * header list about to be written, and reports 401 answers to it. A failure of ours is logged once and the
 * request goes on as the application built it.
 */
final class UrlConnectionHop implements UrlConnectionHook {
    private static final Logger log = LoggerFactory.getLogger(UrlConnectionHop.class);
    private static final String AUTHORIZATION = "Authorization";
    private static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    private static final int UNAUTHORIZED = 401;

    private final Injector injector;
    private final MessageHeaders headers;
    private final LastSent lastSent = new LastSent();
    private volatile boolean failureLogged;

    /**
     * Makes the hop the hook {@code HttpURLConnection}'s advice calls. Here, not in the instrumentation: see
     * {@link dev.oauthagent.agent.instrument.LibraryInstrumentation} on bootstrap types.
     */
    static void install(Injector injector, MessageHeaders headers) {
        Bridge.installUrlConnection(new UrlConnectionHop(injector, headers));
    }

    UrlConnectionHop(Injector injector, MessageHeaders headers) {
        this.injector = injector;
        this.headers = headers;
    }

    @Override
    public IOException beforeWrite(Object connection, URL url, Object requests) {
        try {
            String existing = headers.find(requests, AUTHORIZATION);
            String value = injector.authorizationFor(url, existing);
            lastSent.record(connection, injector.isAgentValue(value) ? value : null);
            if (value == existing) {
                return null;
            }
            if (value == null) {
                headers.remove(requests, AUTHORIZATION);
            } else {
                headers.set(requests, AUTHORIZATION, value);
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
    public void afterResponse(Object connection, Object responses) {
        String sent = lastSent.take(connection);
        if (sent == null || responses == null) {
            return;
        }
        try {
            if (headers.statusCode(responses) != UNAUTHORIZED) {
                return;
            }
            for (Iterator<String> challenges = headers.all(responses, WWW_AUTHENTICATE); challenges.hasNext(); ) {
                if (injector.rejected(sent, challenges.next())) {
                    return;
                }
            }
        } catch (Throwable t) {
            logOnce(t);
        }
    }

    private void logOnce(Throwable t) {
        if (!failureLogged) {
            failureLogged = true;
            log.error("HttpURLConnection hook failed ({}); requests are sent as the application built them."
                    + " Please report this as a bug.", t.getClass().getName());
        }
    }
}
