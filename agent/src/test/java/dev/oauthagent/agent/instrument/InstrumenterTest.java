package dev.oauthagent.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class InstrumenterTest {

    @Test
    void jdkClientsAndLoggingFrameworksAreShippedAndAvailableOnThisJdk() {
        List<String> available = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        for (LibraryInstrumentation client : Instrumenter.all()) {
            if (client.isAvailable()) {
                available.add(client.name());
                targets.addAll(List.of(client.targetClasses()));
            }
        }

        assertThat(available).containsExactly("HttpURLConnection", "java.net.http.HttpClient", "java.util.logging",
                "slf4j-simple");
        assertThat(targets).containsExactly("sun.net.www.protocol.http.HttpURLConnection",
                "jdk.internal.net.http.MultiExchange", "java.util.logging.StreamHandler",
                "org.slf4j.simple.OutputChoice", "org.slf4j.impl.OutputChoice");
    }

    @Test
    void everyJdkTargetClassExistsInThisJdk() throws Exception {
        for (LibraryInstrumentation client : Instrumenter.all()) {
            for (String target : client.targetClasses()) {
                if (target.startsWith("org.")) {
                    continue; // an application's library (slf4j-simple): its own test checks the names
                }
                assertThat(Class.forName(target, false, ClassLoader.getSystemClassLoader())).isNotNull();
            }
        }
    }
}
