package dev.oauthagent.agent.token;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Method;
import java.net.Authenticator;
import java.net.HttpURLConnection;
import java.net.PasswordAuthentication;

/**
 * On a 401 with WWW-Authenticate, HttpURLConnection asks the JVM-wide default Authenticator, which the
 * application may have installed, for credentials and retries with them: the application's passwords
 * would go to our token endpoint. This per-connection Authenticator (Java 9+, called reflectively because
 * the agent is built for Java 8) answers nothing, so the 401 comes back to us as it is.
 */
final class NoAuthenticator extends Authenticator {
    private static final Logger LOG = LoggerFactory.getLogger(NoAuthenticator.class);
    private static final Method SET_AUTHENTICATOR = find();
    private static final NoAuthenticator INSTANCE = new NoAuthenticator();

    private static Method find() {
        try {
            return HttpURLConnection.class.getMethod("setAuthenticator", Authenticator.class);
        } catch (NoSuchMethodException e) {
            return null; // Java 8: only the default Authenticator exists
        }
    }

    static void installOn(HttpURLConnection connection) {
        if (SET_AUTHENTICATOR == null) {
            return;
        }
        try {
            SET_AUTHENTICATOR.invoke(connection, INSTANCE);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("cannot set a per-connection Authenticator: {}", e.toString());
        }
    }

    @Override
    protected PasswordAuthentication getPasswordAuthentication() {
        return null;
    }
}
