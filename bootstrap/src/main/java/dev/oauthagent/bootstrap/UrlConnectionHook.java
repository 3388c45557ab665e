package dev.oauthagent.bootstrap;

import java.io.IOException;
import java.net.URL;

/**
 * What the advice in the JDK's {@code sun.net.www.protocol.http.HttpURLConnection} calls. The header lists
 * are that class's {@code sun.net.www.MessageHeader} fields, passed as Object because nothing compiled
 * for Java 8 may name a JDK-internal type; the agent reaches their methods through method handles.
 * Implementations never throw: a failure the request must see is returned, the advice throws it.
 */
public interface UrlConnectionHook {

    /**
     * Before a request (the first, each redirect hop, a retry) is written to the connection.
     *
     * @return null to send the request, or the exception to fail it with (fail-closed, no token)
     */
    IOException beforeWrite(Object connection, URL url, Object requests);

    /**
     * After the response of a request was read. The request's header list is not passed: the JDK has
     * already removed the {@code Authorization} header from it by then.
     */
    void afterResponse(Object connection, Object responses);
}
