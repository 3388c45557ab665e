package dev.oauthagent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.tools.attach.VirtualMachine;
import dev.oauthagent.e2e.support.AgentApps;
import dev.oauthagent.e2e.support.AuthServer;
import dev.oauthagent.e2e.support.E2ePaths;
import dev.oauthagent.e2e.support.JavaProcess;
import dev.oauthagent.e2e.support.RecorderPerClass;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Pattern;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application under the agent with two clients of the real authorization server, one with a wrong secret; its
 * MBeans read from this JVM over JMX (the Attach API starts the application's local management agent, as jconsole
 * does): the counts match what happened, the wrong secret raised the security warning, and no attribute holds a
 * token or a secret.
 */
class MetricsJmxIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String WRONG_SECRET_VAR = "STALE_SECRET";
    private static final String WRONG_SECRET = "a-rotated-away-secret-5150";
    private static final Pattern REQUEST_LINE = Pattern.compile("^REQUEST \\d+ status=200");
    private static final int REQUESTS = 5;

    @RegisterExtension
    static final RecorderPerClass origin = new RecorderPerClass();

    private final AuthServer server = AuthServer.shared();

    @TempDir
    Path dir;

    @Test
    void mbeansCountTokenRequestsFailuresAndInjectedRequestsAndHoldNoSecret() throws Exception {
        Path config = Files.writeString(dir.resolve("agent.properties"), configuration());

        try (JavaProcess app = JavaProcess.builder("metrics-jmx").jar(E2ePaths.testApp("urlconnection-app"))
                .javaAgent(E2ePaths.agentJar(), "config=" + config)
                .env(AgentApps.SECRET_ENV, server.basicClientSecret())
                .env(WRONG_SECRET_VAR, WRONG_SECRET)
                .args("--url=" + origin.recorder().url().resolve("/metrics"), "--requests=1000", "--pause-ms=100")
                .start()) {
            app.awaitLines(REQUEST_LINE, REQUESTS, WAIT);
            app.awaitLine("client 'stale': security: 1 failed token request(s) within 5 min (invalid_client=1)",
                    WAIT);
            app.awaitLine(Pattern.compile("client 'inventory': token requests 1, failures 0; token expires in \\d+s;"
                    + " requests: injected \\d+"), WAIT);
            app.awaitLine("JMX MBeans of 2 client(s) registered in ", WAIT); // a few seconds after the start

            try (JMXConnector jmx = JMXConnectorFactory.connect(new JMXServiceURL(localJmxAddress(app.pid())))) {
                MBeanServerConnection connection = jmx.getMBeanServerConnection();
                ObjectName inventory = new ObjectName("oauth.agent:type=Client,name=inventory");
                ObjectName stale = new ObjectName("oauth.agent:type=Client,name=stale");

                assertThat(connection.getAttribute(inventory, "TokenRequests")).isEqualTo(1L);
                assertThat(connection.getAttribute(inventory, "TokenFailures")).isEqualTo(0L);
                int answeredBefore = app.awaitLines(REQUEST_LINE, REQUESTS, WAIT).size();
                long injected = (Long) connection.getAttribute(inventory, "InjectedRequests");
                int answeredAfter = app.awaitLines(REQUEST_LINE, REQUESTS, WAIT).size();
                assertThat(injected).as("one per request: answered ones, and at most one in flight")
                        .isBetween((long) answeredBefore, answeredAfter + 1L);
                assertThat((Long) connection.getAttribute(inventory, "SecondsUntilExpiry")).isBetween(1L, 300L);
                assertThat(connection.getAttribute(inventory, "FailClosedRefusals")).isEqualTo(0L);
                assertThat(connection.getAttribute(inventory, "LastFailureCode")).isNull();

                assertThat((Long) connection.getAttribute(stale, "TokenRequests")).isGreaterThanOrEqualTo(1L);
                assertThat((String[]) connection.getAttribute(stale, "FailuresByCode"))
                        .singleElement().asString().startsWith("invalid_client=");
                assertThat(connection.getAttribute(stale, "LastFailureCode")).isEqualTo("invalid_client");
                assertThat((String) connection.getAttribute(stale, "LastFailureTime")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
                assertThat(connection.getAttribute(stale, "SecondsUntilExpiry")).isEqualTo(-1L);
                assertThat(connection.getAttribute(stale, "InjectedRequests")).isEqualTo(0L);

                String everything = allValues(connection, inventory) + allValues(connection, stale);
                assertThat(everything).doesNotContain(server.basicClientSecret()).doesNotContain(WRONG_SECRET)
                        .doesNotContain("eyJ"); // nor a JWT access token
            }
            assertThat(app.stdout() + app.stderr()).doesNotContain(server.basicClientSecret())
                    .doesNotContain(WRONG_SECRET).doesNotContain("eyJ");
        }
    }

    /** What jconsole does for a local process: starts its management agent and connects to that. */
    private static String localJmxAddress(long pid) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(String.valueOf(pid));
        try {
            return vm.startLocalManagementAgent();
        } finally {
            vm.detach();
        }
    }

    private static String allValues(MBeanServerConnection connection, ObjectName name) throws Exception {
        StringBuilder all = new StringBuilder();
        for (MBeanAttributeInfo info : connection.getMBeanInfo(name).getAttributes()) {
            Object value = connection.getAttribute(name, info.getName());
            all.append(info.getName()).append('=')
                    .append(value instanceof String[] ? Arrays.toString((String[]) value) : String.valueOf(value))
                    .append('\n');
        }
        assertThat(all).as("every attribute of " + name).contains("TokenRequests=", "Redactions=");
        return all.toString();
    }

    private String configuration() {
        String inventory = "oauth.agent.clients.inventory.";
        String stale = "oauth.agent.clients.stale.";
        return "oauth.agent.metrics-log-interval=1s\n"
                + "oauth.agent.log-level=debug\n" // for the registration's line, and every line must be free of secrets
                + inventory + "token-url=" + server.tokenUrl() + "\n"
                + inventory + "client-id=" + server.basicClientId() + "\n"
                + inventory + "client-secret=${env:" + AgentApps.SECRET_ENV + "}\n"
                + inventory + "scopes=read\n"
                + inventory + "hosts=127.0.0.1:" + origin.recorder().url().getPort() + "\n"
                + inventory + "allow-http=true\n"
                + stale + "token-url=" + server.tokenUrl() + "\n"
                + stale + "client-id=" + server.basicClientId() + "\n"
                + stale + "client-secret=${env:" + WRONG_SECRET_VAR + "}\n"
                + stale + "hosts=127.0.0.1:" + AgentApps.closedPort() + "\n"
                + stale + "allow-http=true\n";
    }
}
