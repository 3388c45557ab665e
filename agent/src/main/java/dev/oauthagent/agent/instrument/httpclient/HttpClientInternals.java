package dev.oauthagent.agent.instrument.httpclient;

import java.net.URI;
import java.util.List;

/**
 * What {@link HttpClientHop} needs from the JDK's {@code java.net.http} internals, and nothing more. An
 * interface so the hop's rules are tested with plain objects; {@link JdkHttpClientInternals} is the real one.
 *
 * <p>A request ({@code HttpRequestImpl}) has two header sets: the application's ("user") headers, immutable,
 * and the client's own ("system") headers, which filters add to. On the wire a user header wins over a system
 * header of the same name (HTTP/1.1 and HTTP/2, JDK 11 to 25), and every new hop (redirect, Authenticator retry)
 * starts with empty system headers. So the agent's token goes into the system headers: it never outlives its
 * hop, and a header the application set wins unless the agent removes it (override-existing).
 */
interface HttpClientInternals {
    URI uri(Object request) throws Throwable;

    /** The application's Authorization header, or null. */
    String userAuthorization(Object request) throws Throwable;

    /** The Authorization header the client added (the Authenticator's, or ours), or null. */
    String systemAuthorization(Object request) throws Throwable;

    void setSystemAuthorization(Object request, String value) throws Throwable;

    void removeSystemAuthorization(Object request) throws Throwable;

    /** Takes the application's Authorization header off this hop (override-existing). */
    void removeUserAuthorization(Object request) throws Throwable;

    int statusCode(Object response) throws Throwable;

    /** The hop the response answers. */
    Object request(Object response) throws Throwable;

    List<String> wwwAuthenticate(Object response) throws Throwable;

    /** No body, or a body the JDK can send again from memory (ofString, ofByteArray, noBody). */
    boolean canResend(Object request) throws Throwable;

    /** A new hop with the same URI, method, user headers and body, and empty system headers. */
    Object copyForResend(Object request) throws Throwable;
}
