package dev.oauthagent.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.agent.inject.InjectorFixture;

import java.lang.management.ManagementFactory;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClientMBeansTest {
    private final MBeanServer platform = ManagementFactory.getPlatformMBeanServer();
    private final InjectorFixture f = InjectorFixture.twoClients();
    private final List<ObjectName> registered = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        ClientMBeans.unregister(platform, registered);
        f.close();
    }

    @Test
    void eachClientsAttributesAreReadableOnThePlatformServerAndHoldNoTokenOrSecret() throws Exception {
        ClientMetrics orders = f.metrics.get("orders");
        orders.tokenRequested();
        orders.tokenFailed("invalid_client", 0);
        f.injector.authorizationFor(new URL("https://orders.example.com/api/a"), null);
        f.injector.authorizationFor(new URL("https://orders.example.com/api/b"), "Basic YXBwOmFwcA==");

        registered.addAll(ClientMBeans.register(platform, attributes("orders", "billing")));

        ObjectName name = new ObjectName("oauth.agent:type=Client,name=orders");
        assertThat(registered).contains(name, new ObjectName("oauth.agent:type=Client,name=billing"));
        assertThat(platform.getAttribute(name, "TokenRequests")).isEqualTo(1L);
        assertThat(platform.getAttribute(name, "TokenFailures")).isEqualTo(1L);
        assertThat((String[]) platform.getAttribute(name, "FailuresByCode")).containsExactly("invalid_client=1");
        assertThat(platform.getAttribute(name, "LastFailureCode")).isEqualTo("invalid_client");
        assertThat(platform.getAttribute(name, "LastFailureTime")).isEqualTo("1970-01-01T00:00:00Z");
        assertThat((Long) platform.getAttribute(name, "SecondsUntilExpiry")).isBetween(3000L, 3600L);
        assertThat(platform.getAttribute(name, "InjectedRequests")).isEqualTo(1L);
        assertThat(platform.getAttribute(name, "SkippedRequests")).isEqualTo(1L);
        assertThat(platform.getAttribute(name, "FailClosedRefusals")).isEqualTo(0L);
        assertThat(platform.getAttribute(name, "Redactions")).isEqualTo(7L);
        assertThat(allValues(name)).doesNotContain(f.tokenHeader("orders").substring("Bearer ".length()),
                "fixture-client-secret-4711");
    }

    @Test
    void everyAttributeIsReadOnly() throws Exception {
        registered.addAll(ClientMBeans.register(platform, attributes("orders")));

        MBeanAttributeInfo[] infos = platform.getMBeanInfo(registered.get(0)).getAttributes();
        assertThat(infos).hasSize(10).allMatch(info -> info.isReadable() && !info.isWritable());
    }

    @Test
    void aNameAlreadyTakenLeavesTheOtherBeanAndFailsNothing() throws Exception {
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        List<ObjectName> first = ClientMBeans.register(server, attributes("orders"));

        List<ObjectName> second = ClientMBeans.register(server, attributes("orders", "billing"));

        assertThat(first).hasSize(1);
        assertThat(second).containsExactly(ClientMBeans.nameOf("billing"));
        assertThat(server.isRegistered(ClientMBeans.nameOf("orders"))).isTrue();
    }

    @Test
    void aNameWithCharactersAnObjectNameReservesIsQuoted() throws Exception {
        assertThat(ClientMBeans.nameOf("orders").getKeyProperty("name")).isEqualTo("orders");
        ObjectName odd = ClientMBeans.nameOf("a,b=c");

        assertThat(ObjectName.unquote(odd.getKeyProperty("name"))).isEqualTo("a,b=c");
        assertThat(odd.getKeyProperty("type")).isEqualTo("Client");
    }

    private List<ClientAttributes> attributes(String... clients) {
        List<ClientAttributes> list = new ArrayList<>();
        for (String client : clients) {
            list.add(new ClientAttributes(client, f.metrics.get(client), f.cache(client), () -> 7));
        }
        return list;
    }

    private String allValues(ObjectName name) throws Exception {
        StringBuilder all = new StringBuilder();
        for (MBeanAttributeInfo info : platform.getMBeanInfo(name).getAttributes()) {
            Object value = platform.getAttribute(name, info.getName());
            all.append(value instanceof String[] ? Arrays.toString((String[]) value) : String.valueOf(value)).append(' ');
        }
        return all.toString();
    }
}
