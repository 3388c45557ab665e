package dev.oauthagent.agent.instrument.httpclient;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Plain stand-ins for the JDK's HttpRequestImpl and Response, with the header model of {@link HttpClientInternals}:
 * user headers from the application, system headers from the client, a new hop starting with no system headers.
 */
final class FakeHttpClient implements HttpClientInternals {

    static final class Request {
        final URI uri;
        final Map<String, String> user = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        final Map<String, String> system = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        boolean resendableBody = true;

        Request(String uri) {
            this.uri = URI.create(uri);
        }

        Request withUserHeader(String name, String value) {
            user.put(name, value);
            return this;
        }

        /** The value that would go on the wire: the application's header wins over the client's. */
        String sentAuthorization() {
            return user.containsKey("Authorization") ? user.get("Authorization") : system.get("Authorization");
        }
    }

    record Response(int status, Request request, List<String> challenges) {
        static Response of(int status, Request request, String... challenges) {
            return new Response(status, request, Arrays.asList(challenges));
        }
    }

    /** Requests {@link #copyForResend} made, in order. */
    final List<Request> resends = new ArrayList<>();
    boolean broken;

    private Request req(Object request) {
        if (broken) {
            throw new IllegalStateException("this JDK's internals changed");
        }
        return (Request) request;
    }

    @Override
    public URI uri(Object request) {
        return req(request).uri;
    }

    @Override
    public String userAuthorization(Object request) {
        return req(request).user.get("Authorization");
    }

    @Override
    public String systemAuthorization(Object request) {
        return req(request).system.get("Authorization");
    }

    @Override
    public void setSystemAuthorization(Object request, String value) {
        req(request).system.put("Authorization", value);
    }

    @Override
    public void removeSystemAuthorization(Object request) {
        req(request).system.remove("Authorization");
    }

    @Override
    public void removeUserAuthorization(Object request) {
        req(request).user.remove("Authorization");
    }

    @Override
    public int statusCode(Object response) {
        return ((Response) response).status();
    }

    @Override
    public Object request(Object response) {
        return ((Response) response).request();
    }

    @Override
    public List<String> wwwAuthenticate(Object response) {
        return ((Response) response).challenges();
    }

    @Override
    public boolean canResend(Object request) {
        return req(request).resendableBody;
    }

    @Override
    public Object copyForResend(Object request) {
        Request original = req(request);
        Request copy = new Request(original.uri.toString());
        copy.user.putAll(original.user);
        copy.resendableBody = original.resendableBody;
        resends.add(copy);
        return copy;
    }
}
