package dev.oauthagent.agent.instrument.urlconnection;

import dev.oauthagent.bootstrap.Bridge;
import dev.oauthagent.bootstrap.UrlConnectionHook;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the end of {@code HttpURLConnection.getInputStream0()}, through which both
 * {@code getInputStream()} and {@code getResponseCode()} read the response: reports the final status and
 * headers so a 401 {@code invalid_token} can drop the token. May reference bootstrap classes only.
 */
final class ResponseAdvice {
    private ResponseAdvice() {
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Object connection, @Advice.FieldValue("responses") Object responses) {
        UrlConnectionHook hook = Bridge.urlConnection();
        if (hook != null) {
            hook.afterResponse(connection, responses);
        }
    }
}
