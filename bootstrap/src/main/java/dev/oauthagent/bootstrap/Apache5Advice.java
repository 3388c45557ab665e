package dev.oauthagent.bootstrap;

import java.io.IOException;

/**
 * What the agent inserts into Apache HttpClient 5's classes: one static method per hook point, each a plain call
 * into {@link Apache5Hook}. The null hook, the agent's own threads and never letting a throwable of ours reach the
 * application are handled here, in Java; the only exception thrown is the hook's fail-closed refusal.
 */
public final class Apache5Advice {
    private Apache5Advice() {
    }

    /** At the start of {@code InternalExecRuntime.execute(..)}: see {@link Apache5Hook#beforeClassicSend}. */
    public static void beforeClassicSend(Object request, Object context) throws IOException {
        IOException refusal;
        try {
            Apache5Hook hook = Bridge.apache5();
            refusal = hook == null ? null : hook.beforeClassicSend(request, context);
        } catch (Throwable ignored) {
            return;
        }
        if (refusal != null) {
            throw refusal;
        }
    }

    /**
     * On each return of {@code InternalExecRuntime.execute(..)}: the response to return instead (the answer to a
     * resend), or the same. Throws only what a resend failed with, as the method itself would have.
     */
    public static Object afterClassicResponse(Object response, Object runtime, String exchangeId, Object request,
                                              Object context) throws IOException {
        Object replaced;
        try {
            Apache5Hook hook = Bridge.apache5();
            replaced = hook == null ? null : hook.afterClassicResponse(response, runtime, exchangeId, request, context);
        } catch (Throwable ignored) {
            return response;
        }
        if (replaced instanceof IOException) {
            throw (IOException) replaced;
        }
        if (replaced instanceof RuntimeException) {
            throw (RuntimeException) replaced;
        }
        if (replaced instanceof Error) {
            throw (Error) replaced;
        }
        return replaced == null ? response : replaced;
    }

    /** The 4-argument {@code execute} of 5.2+ (with an information callback): the same as the 3-argument one. */
    public static Object afterClassicResponse(Object response, Object runtime, String exchangeId, Object request,
                                              Object informationCallback, Object context) throws IOException {
        return afterClassicResponse(response, runtime, exchangeId, request, context);
    }

    /**
     * At the start of {@code HttpAsyncMainClientExec/H2AsyncMainClientExec.execute}: returns the callback the
     * method goes on with (replacing its last argument).
     */
    public static Object beforeAsyncExec(Object exec, Object request, Object entityProducer, Object scope,
                                         Object chain, Object callback) throws IOException {
        Object result;
        try {
            Apache5Hook hook = Bridge.apache5();
            result = hook == null ? null
                    : hook.beforeAsyncExec(exec, request, entityProducer, scope, chain, callback);
        } catch (Throwable ignored) {
            return callback;
        }
        if (result instanceof IOException) {
            throw (IOException) result;
        }
        return result == null ? callback : result;
    }

    /** At the start of {@code DefaultHttpProcessor.process(HttpRequest, ..)}: see {@link Apache5Hook#beforeInterceptors}. */
    public static void beforeInterceptors(Object request) {
        try {
            Apache5Hook hook = Bridge.apache5();
            if (hook != null) {
                hook.beforeInterceptors(request);
            }
        } catch (Throwable ignored) {
            // the request goes on as it is
        }
    }

    /** On its return: see {@link Apache5Hook#afterInterceptors}. */
    public static void afterInterceptors(Object request) {
        try {
            Apache5Hook hook = Bridge.apache5();
            if (hook != null) {
                hook.afterInterceptors(request);
            }
        } catch (Throwable ignored) {
            // the request goes on as it is
        }
    }

    /** At the start of {@code MinimalHttpAsyncClient.leaseEndpoint}: {@link Apache5Hook#minimalClientRequesting}. */
    public static void minimalClientRequesting(Object client, Object target) {
        try {
            Apache5Hook hook = Bridge.apache5();
            if (hook != null) {
                hook.minimalClientRequesting(client, target);
            }
        } catch (Throwable ignored) {
            // a report of ours is never worth the application's request
        }
    }

    /** At the start of {@code MinimalH2AsyncClient.execute}: see {@link Apache5Hook#minimalClientExecuting}. */
    public static void minimalClientExecuting(Object client) {
        try {
            Apache5Hook hook = Bridge.apache5();
            if (hook != null) {
                hook.minimalClientExecuting(client);
            }
        } catch (Throwable ignored) {
            // a report of ours is never worth the application's request
        }
    }

    /** When it returns or throws. */
    public static void minimalClientExecuted() {
        try {
            Apache5Hook hook = Bridge.apache5();
            if (hook != null) {
                hook.minimalClientExecuted();
            }
        } catch (Throwable ignored) {
            // a report of ours is never worth the application's request
        }
    }

    /** At the start of an HTTP/2 pool's {@code connectSession}/{@code getSession}: {@link Apache5Hook#sessionRequested}. */
    public static void sessionRequested(Object routeOrHost) {
        try {
            Apache5Hook hook = Bridge.apache5();
            if (hook != null) {
                hook.sessionRequested(routeOrHost);
            }
        } catch (Throwable ignored) {
            // a report of ours is never worth the application's request
        }
    }
}
