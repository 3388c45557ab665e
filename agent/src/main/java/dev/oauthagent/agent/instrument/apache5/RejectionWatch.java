package dev.oauthagent.agent.instrument.apache5;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Stands in for the async exec chain's {@code AsyncExecCallback} of one hop that carries a token of ours (a JDK
 * proxy of the library's interface, as the agent cannot compile against it): every call goes on to the library's
 * callback unchanged, and a 401 response to the request as it went out with that token (not with a value of the
 * application's interceptors in its place) is first checked for an {@code invalid_token} challenge, which drops the
 * token. The response still goes to the application: the async client does not send the request again (see
 * docs/clients.md); its next request carries the new token.
 */
final class RejectionWatch implements InvocationHandler {
    private final Apache5Hop hop;
    private final Apache5Members members;
    private final Object callback;
    private final Object request;
    private final String decided;

    /** @param decided the token of ours the hop was given; it went out unless an interceptor's value replaced it */
    RejectionWatch(Apache5Hop hop, Apache5Members members, Object callback, Object request, String decided) {
        this.hop = hop;
        this.members = members;
        this.callback = callback;
        this.request = request;
        this.decided = decided;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return objectMethod(proxy, method, args);
        }
        if ("handleResponse".equals(method.getName()) && args != null && args.length > 0) {
            report(args[0]);
        }
        try {
            return method.invoke(callback, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private void report(Object response) {
        try {
            if (members.code(response) == 401 && decided.equals(members.headers.firstValue(request,
                    Apache5Hop.AUTHORIZATION))) {
                hop.droppedOnChallenge(members, decided, response);
            }
        } catch (Throwable t) {
            hop.logOnce(t);
        }
    }

    private Object objectMethod(Object proxy, Method method, Object[] args) {
        if ("equals".equals(method.getName())) {
            return proxy == args[0];
        }
        if ("hashCode".equals(method.getName())) {
            return System.identityHashCode(proxy);
        }
        return "oauth-agent watch of " + callback;
    }
}
