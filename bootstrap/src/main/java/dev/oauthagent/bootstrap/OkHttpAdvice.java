package dev.oauthagent.bootstrap;

import java.io.IOException;
import java.net.ProtocolException;

/**
 * What the agent inserts into OkHttp's classes: one static method per hook point, each a plain call into
 * {@link OkHttpHook}. The null hook, the agent's own threads and never letting a throwable of ours reach the
 * application are handled here; only the fail-closed refusal is thrown.
 */
public final class OkHttpAdvice {
    private OkHttpAdvice() {
    }

    /**
     * At the start of {@code Exchange.writeRequestHeaders(Request)} (OkHttp 3.14 to 5.x): the request whose
     * headers are written instead of {@code request}. The refusal is thrown before the method's own failure
     * bookkeeping, so OkHttp does not count it against the connection nor retry the hop.
     */
    public static Object beforeExchangeHeaders(Object request) throws IOException {
        OkHttpHook hook = Bridge.okHttp();
        if (hook == null) {
            return request;
        }
        Object written;
        try {
            written = hook.beforeHeaders(request);
        } catch (IOException refusal) {
            throw refusal;
        } catch (Throwable ignored) {
            return request; // a bug of ours must not fail the application's request
        }
        return written == null ? request : written;
    }

    /**
     * At the start of {@code Http1Codec}/{@code Http2Codec.writeRequestHeaders(Request)} (OkHttp 3.12, which has
     * no Exchange). OkHttp 3.12 retries a hop that failed with a plain IOException as long as it has a route, on
     * an HTTP/2 connection without end; it never retries a {@link ProtocolException}, so the refusal is one.
     */
    public static Object beforeCodecHeaders(Object request) throws IOException {
        try {
            return beforeExchangeHeaders(request);
        } catch (IOException refusal) {
            ProtocolException notRetried = new ProtocolException(refusal.getMessage());
            notRetried.initCause(refusal);
            throw notRetried;
        }
    }

    /** On each return of {@code RetryAndFollowUpInterceptor.followUpRequest}: the follow-up to send instead. */
    public static Object afterFollowUpRequest(Object followUp, Object response) {
        try {
            OkHttpHook hook = Bridge.okHttp();
            return hook == null ? followUp : hook.afterFollowUp(followUp, response);
        } catch (Throwable ignored) {
            return followUp;
        }
    }
}
