package dev.oauthagent.agent.instrument.httpclient;

import dev.oauthagent.bootstrap.Bridge;
import dev.oauthagent.bootstrap.HttpClientHook;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Inlined at the end of {@code jdk.internal.net.http.MultiExchange.responseFilters(Response)}, which returns
 * the next request to send (a redirect, an Authenticator retry) or null to hand the response to the
 * application. When it returns null, the agent may return a resend of a request whose token was refused; the
 * JDK then sends it as a new hop, through {@link RequestFiltersAdvice} again. May reference bootstrap classes
 * only; any throwable of ours is suppressed.
 */
final class ResponseFiltersAdvice {
    private ResponseFiltersAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object exchange,
                     @Advice.Argument(0) Object response,
                     @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object next) {
        if (next != null) {
            return;
        }
        HttpClientHook hook = Bridge.httpClient();
        if (hook != null) {
            next = hook.afterResponse(exchange, response);
        }
    }
}
