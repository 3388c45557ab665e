package dev.oauthagent.agent.instrument.apache4;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where a hop really goes: the scheme, host and port of its route's target (the {@code HttpRoute} the client put
 * in the request's context as {@code http.route}, which its connection was opened for), and the path of its
 * request line. Never the Host header, a virtual host or the URI the application gave: those can name another
 * place than the connection reaches.
 */
final class HopUri {
    static final String ROUTE = "http.route";
    private static final String ROUTE_INFO = "org.apache.http.conn.routing.RouteInfo";

    private static final ClassValue<MethodHandle> TARGET_BY_ROUTE_CLASS = new ClassValue<MethodHandle>() {
        @Override
        protected MethodHandle computeValue(Class<?> type) {
            return LibraryBinding.HTTPCLIENT.bind(type, ROUTE_INFO, TARGET_BY_LIBRARY);
        }
    };
    private static final ClassValue<MethodHandle> TARGET_BY_LIBRARY = new ClassValue<MethodHandle>() {
        @Override
        protected MethodHandle computeValue(Class<?> routeInfo) {
            try {
                return HttpCore4.getter(MethodHandles.publicLookup(), routeInfo, "getTargetHost",
                        HttpCore4.type("org.apache.http.HttpHost", routeInfo.getClassLoader()));
            } catch (ReflectiveOperationException | LinkageError e) {
                LibraryBinding.HTTPCLIENT.cannotBind(routeInfo.getClassLoader(), e);
                return null;
            }
        }
    };

    private HopUri() {
    }

    /**
     * The hop's URI, or null when its context holds no route (a request sent with HttpCore alone, or by code
     * that is not HttpClient's): such a hop gets no token, and loses one of ours it carries.
     */
    static URI of(HttpCore4 core, Object requestLine, Object context) throws Throwable {
        Object route = context == null ? null : core.attribute(context, ROUTE);
        if (route == null) {
            return null;
        }
        MethodHandle targetHost = TARGET_BY_ROUTE_CLASS.get(route.getClass());
        Object host = targetHost == null ? null : (Object) targetHost.invokeExact(route);
        if (host == null) {
            return null;
        }
        return of(core.scheme(host), core.hostName(host), core.port(host), core.requestTarget(requestLine));
    }

    /**
     * {@code scheme://host:port} and the path and query of {@code requestTarget} (a path, or an absolute URI when
     * sent through a proxy); null when they do not make a URI (then nothing matches).
     */
    static URI of(String scheme, String host, int port, String requestTarget) {
        StringBuilder uri = new StringBuilder(scheme.length() + host.length() + requestTarget.length() + 16);
        uri.append(scheme).append("://");
        boolean ipv6 = host.indexOf(':') >= 0 && !host.startsWith("[");
        uri.append(ipv6 ? "[" : "").append(host).append(ipv6 ? "]" : "");
        if (port >= 0) {
            uri.append(':').append(port);
        }
        uri.append(pathAndQuery(requestTarget));
        try {
            return new URI(uri.toString());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String pathAndQuery(String requestTarget) {
        if (requestTarget.startsWith("/")) {
            return requestTarget;
        }
        int authority = requestTarget.indexOf("://");
        if (authority < 0) {
            return "/" + requestTarget; // "*" (OPTIONS) or something no client's paths can hold
        }
        int path = requestTarget.indexOf('/', authority + 3);
        int query = requestTarget.indexOf('?', authority + 3);
        int start = path < 0 ? query : query < 0 ? path : Math.min(path, query);
        return start < 0 ? "/" : (path == start ? "" : "/") + requestTarget.substring(start);
    }
}
