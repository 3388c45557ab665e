package dev.oauthagent.bootstrap;

import java.io.IOException;

/**
 * What the agent inserts into Apache HttpClient 4.x and HttpAsyncClient 4.1: one static method per hook point,
 * each a plain call into {@link Apache4Hook}. The null hook, the agent's own threads and never letting a
 * throwable of ours reach the application are handled here, in Java.
 */
public final class Apache4Advice {
    private Apache4Advice() {
    }

    /** At the start of {@code HttpRequestExecutor.execute}; throws only the fail-closed refusal. */
    public static void beforeExecute(Object request, Object context) throws IOException {
        IOException refusal;
        try {
            Apache4Hook hook = Bridge.apache4();
            refusal = hook == null ? null : hook.beforeExecute(request, context);
        } catch (Throwable ignored) {
            return;
        }
        if (refusal != null) {
            throw refusal;
        }
    }

    /** On each return of an async exchange handler's {@code generateRequest()}: the same request, decorated. */
    public static Object afterGenerateRequest(Object request, Object handler) throws IOException {
        if (request == null) {
            return null;
        }
        IOException refusal;
        try {
            Apache4Hook hook = Bridge.apache4();
            refusal = hook == null ? null : hook.beforeAsyncSubmit(request, handler);
        } catch (Throwable ignored) {
            return request;
        }
        if (refusal != null) {
            throw refusal;
        }
        return request;
    }

    /** On each return of the classic {@code needAuthentication(...)}: whether to send the request again. */
    public static boolean afterNeedAuthentication(boolean decided, Object response, Object context) {
        try {
            Apache4Hook hook = Bridge.apache4();
            return hook == null ? decided : hook.resendClassic(decided, response, context);
        } catch (Throwable ignored) {
            return decided;
        }
    }

    /**
     * On each return of the deprecated {@code DefaultRequestDirector.handleResponse(...)}: the request to send
     * next ({@code followup}: a redirect or an authentication round, null when the response goes to the
     * application); {@code routed} itself to send it again.
     */
    public static Object afterHandleResponse(Object followup, Object routed, Object response, Object context) {
        if (followup != null) {
            return followup;
        }
        try {
            Apache4Hook hook = Bridge.apache4();
            return hook != null && hook.resendClassic(false, response, context) ? routed : null;
        } catch (Throwable ignored) {
            return null;
        }
    }

    /** On each return of the async {@code needAuthentication(state, handler)}. */
    public static boolean afterAsyncNeedAuthentication(boolean decided, Object state, Object handler) {
        try {
            Apache4Hook hook = Bridge.apache4();
            return hook == null ? decided : hook.resendAsync(decided, state, handler);
        } catch (Throwable ignored) {
            return decided;
        }
    }
}
