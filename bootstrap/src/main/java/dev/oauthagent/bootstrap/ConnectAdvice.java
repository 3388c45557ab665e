package dev.oauthagent.bootstrap;

import java.net.SocketAddress;

/**
 * What the agent inserts at the start of the JDK's TCP connect methods: one call into {@link ConnectHook}. It
 * only reports; nothing it does can change or fail the application's connection.
 */
public final class ConnectAdvice {
    private ConnectAdvice() {
    }

    public static void opening(SocketAddress address) {
        try {
            ConnectHook hook = Bridge.connect();
            if (hook != null) {
                hook.opening(address);
            }
        } catch (Throwable ignored) {
            // a report of ours is never worth the application's connection
        }
    }
}
