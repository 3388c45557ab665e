package dev.oauthagent.agent.instrument.apache4;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;

/**
 * Where a hop really goes: the scheme, host and port of its route's target (the {@code HttpRoute} the client put
 * in the request's context as {@code http.route}, which its connection was opened for), and the path of its
 * request line. Never the Host header, a virtual host or the URI the application gave: those can name another
 * place than the connection reaches. Read in place, as the injector takes them: nothing is allocated per hop.
 */
final class RouteTarget {
    private static final String ROUTE = "http.route";
    private static final String ROUTE_INFO = "org.apache.http.conn.routing.RouteInfo";
    private static final String AUTHORITY_START = "://";

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

    private RouteTarget() {
    }

    /**
     * The {@code HttpHost} the hop's route leads to, or null when its context holds no route (a request sent with
     * HttpCore alone, or by code that is not HttpClient's): such a hop gets no token, and loses one of ours it
     * carries.
     */
    static Object of(HttpCore4 core, Object context) throws Throwable {
        Object route = context == null ? null : core.attribute(context, ROUTE);
        if (route == null) {
            return null;
        }
        MethodHandle targetHost = TARGET_BY_ROUTE_CLASS.get(route.getClass());
        return targetHost == null ? null : (Object) targetHost.invokeExact(route);
    }

    /**
     * Where the path and query of {@code requestTarget} start: at once for a path; after the authority of an absolute
     * URI (sent through a proxy), whose host is never read; its length when it has neither. Anything else ("*",
     * a relative path) is read from its start, as a path under the root.
     */
    static int pathStart(String requestTarget) {
        if (requestTarget.startsWith("/")) {
            return 0;
        }
        int authority = requestTarget.indexOf(AUTHORITY_START);
        if (authority < 0) {
            return 0;
        }
        for (int i = authority + AUTHORITY_START.length(); i < requestTarget.length(); i++) {
            char c = requestTarget.charAt(i);
            if (c == '/' || c == '?') {
                return i;
            }
        }
        return requestTarget.length();
    }
}
