package dev.oauthagent.agent.instrument.httpclient;

import dev.oauthagent.bootstrap.Bridge;
import dev.oauthagent.bootstrap.HttpClientHook;
import net.bytebuddy.asm.Advice;

import java.io.IOException;

/**
 * Inlined at the end of {@code jdk.internal.net.http.MultiExchange.requestFilters(HttpRequestImpl)}, which runs
 * once per hop (first request, redirect, Authenticator retry) after the client's own filters added their headers
 * and before the hop is handed to a connection (HTTP/1.1 or HTTP/2). May reference bootstrap classes only.
 * A fail-closed refusal becomes the method's IOException, which the JDK turns into the failed future of
 * {@code sendAsync} (and the exception {@code send} throws) without sending anything; any other throwable of
 * ours is suppressed.
 */
final class RequestFiltersAdvice {
    private RequestFiltersAdvice() {
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Argument(0) Object request,
                     @Advice.Thrown(readOnly = false) Throwable thrown) {
        if (thrown != null) {
            return;
        }
        HttpClientHook hook = Bridge.httpClient();
        if (hook != null) {
            IOException refusal = hook.beforeSend(request);
            if (refusal != null) {
                thrown = refusal;
            }
        }
    }
}
