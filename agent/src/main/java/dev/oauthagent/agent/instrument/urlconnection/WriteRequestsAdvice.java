package dev.oauthagent.agent.instrument.urlconnection;

import dev.oauthagent.bootstrap.Bridge;
import dev.oauthagent.bootstrap.UrlConnectionHook;
import net.bytebuddy.asm.Advice;

import java.io.IOException;
import java.net.URL;

/**
 * Inlined at the start of {@code sun.net.www.protocol.http.HttpURLConnection.writeRequests()}, which runs
 * once per hop just before the header list goes to the wire, after the application's own headers are in it.
 * May reference bootstrap classes only. A fail-closed refusal skips the method and is rethrown on exit, so
 * no byte of the request leaves the JVM; any other throwable of ours is suppressed.
 */
final class WriteRequestsAdvice {
    private WriteRequestsAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class, skipOn = Advice.OnNonDefaultValue.class)
    static IOException enter(@Advice.FieldValue("url") URL url, @Advice.FieldValue("requests") Object requests) {
        UrlConnectionHook hook = Bridge.urlConnection();
        return hook == null ? null : hook.beforeWrite(url, requests);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter IOException refusal,
                     @Advice.Thrown(readOnly = false) Throwable thrown) {
        if (refusal != null) {
            thrown = refusal;
        }
    }
}
