package dev.oauthagent.bootstrap;

import java.io.IOException;

/**
 * What the advice in the JDK's {@code jdk.internal.net.http.MultiExchange} (behind {@code java.net.http.HttpClient}
 * {@code send} and {@code sendAsync}) calls, once per hop. The request is a {@code jdk.internal.net.http.HttpRequestImpl}
 * and the response a {@code jdk.internal.net.http.Response}, both passed as Object because nothing compiled for
 * Java 8 may name them; the agent reaches them through method handles. Implementations never throw: a failure
 * the request must see is returned, the advice throws it.
 */
public interface HttpClientHook {

    /**
     * After the client's own request filters (Authenticator, cookies) ran on a hop, before any byte of it is
     * sent: the first request, each redirect hop, each retry the client builds.
     *
     * @return null to send the hop, or the exception to fail it with (fail-closed, no token)
     */
    IOException beforeSend(Object request);

    /**
     * After the client's response filters decided not to send another request (no redirect, no Authenticator
     * retry) for this response.
     *
     * @param exchange the MultiExchange (one per {@code send}/{@code sendAsync} call)
     * @return a request to send instead of answering the application (a replay), or null
     */
    Object afterResponse(Object exchange, Object response);
}
