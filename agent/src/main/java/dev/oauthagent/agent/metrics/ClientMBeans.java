package dev.oauthagent.agent.metrics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.management.InstanceAlreadyExistsException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Registers one {@link ClientMBean} per client as {@code oauth.agent:type=Client,name=<client>}. Never fails the
 * agent: a name already taken (a second agent, or the application's own bean) or a JVM without JMX costs one
 * warning line, and the client runs without its MBean.
 */
public final class ClientMBeans {
    static final String DOMAIN = "oauth.agent";
    private static final Logger log = LoggerFactory.getLogger(ClientMBeans.class);
    /** What an ObjectName value may hold unquoted (and what client names are made of anyway). */
    private static final Pattern UNQUOTED = Pattern.compile("[A-Za-z0-9._-]+");

    private ClientMBeans() {
    }

    public static ObjectName nameOf(String client) throws javax.management.MalformedObjectNameException {
        String value = UNQUOTED.matcher(client).matches() ? client : ObjectName.quote(client);
        return new ObjectName(DOMAIN + ":type=Client,name=" + value);
    }

    /** The names registered; the others were logged. */
    public static List<ObjectName> register(MBeanServer server, List<ClientAttributes> clients) {
        List<ObjectName> registered = new ArrayList<>();
        for (ClientAttributes client : clients) {
            try {
                ObjectName name = nameOf(client.client());
                server.registerMBean(new StandardMBean(client, ClientMBean.class), name);
                registered.add(name);
            } catch (InstanceAlreadyExistsException e) {
                log.warn("client '{}': JMX name oauth.agent:type=Client,name={} is already taken (another oauth-agent"
                        + " in this JVM?); its metrics are not exposed over JMX.", client.client(), client.client());
            } catch (Exception | LinkageError e) {
                log.warn("client '{}': cannot expose metrics over JMX ({}); the agent runs without them.",
                        client.client(), e.getClass().getName());
            }
        }
        return Collections.unmodifiableList(registered);
    }

    /** For tests and a clean stop: unregisters what {@link #register} registered, ignoring what is gone. */
    public static void unregister(MBeanServer server, List<ObjectName> names) {
        for (ObjectName name : names) {
            try {
                server.unregisterMBean(name);
            } catch (Exception e) {
                // already gone: nothing to do
            }
        }
    }
}
