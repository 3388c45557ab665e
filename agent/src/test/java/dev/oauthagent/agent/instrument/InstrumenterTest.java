package dev.oauthagent.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class InstrumenterTest {
    private static final String CONNECT = "TCP connect (connections of clients the agent does not instrument)";

    @Test
    void withScrubbingOnBothJdkClientsAndTheLoggingFrameworksAreShippedAndAvailableOnThisJdk() {
        List<String> available = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        for (LibraryInstrumentation client : Instrumenter.all(true)) {
            if (client.isAvailable()) {
                available.add(client.name());
                targets.addAll(List.of(client.targetClasses()));
            }
        }

        assertThat(available).containsExactly("HttpURLConnection", "java.net.http.HttpClient", "Apache HttpClient 5",
                "OkHttp", "Apache HttpClient 4", CONNECT, "logback", "log4j2", "java.util.logging", "Tomcat JULI",
                "slf4j-simple", "System.console()");
        assertThat(targets).containsExactly("sun.net.www.protocol.http.HttpURLConnection",
                "jdk.internal.net.http.MultiExchange", "org.apache.hc.client5.http.impl.classic.InternalExecRuntime",
                "org.apache.hc.client5.http.impl.async.HttpAsyncMainClientExec",
                "org.apache.hc.client5.http.impl.async.H2AsyncMainClientExec",
                "org.apache.hc.core5.http.protocol.DefaultHttpProcessor",
                "org.apache.hc.client5.http.impl.async.MinimalHttpAsyncClient",
                "org.apache.hc.client5.http.impl.async.MinimalH2AsyncClient",
                "org.apache.hc.core5.http2.nio.pool.H2ConnPool",
                "org.apache.hc.client5.http.impl.async.InternalH2ConnPool",
                "okhttp3.internal.connection.Exchange", "okhttp3.internal.http1.Http1Codec",
                "okhttp3.internal.http2.Http2Codec", "okhttp3.internal.http.RetryAndFollowUpInterceptor",
                "org.apache.http.protocol.HttpRequestExecutor", "org.apache.http.impl.execchain.MainClientExec",
                "org.apache.http.impl.client.DefaultRequestDirector", "org.apache.http.impl.nio.client.MainClientExec",
                "org.apache.http.impl.nio.client.DefaultClientExchangeHandlerImpl",
                "org.apache.http.impl.nio.client.MinimalClientExchangeHandlerImpl",
                "org.apache.http.impl.nio.client.PipeliningClientExchangeHandlerImpl",
                "ch.qos.logback.core.OutputStreamAppender",
                "ch.qos.logback.core.net.SyslogOutputStream", "org.apache.logging.log4j.core.layout.TextEncoderHelper",
                "org.apache.logging.log4j.core.appender.OutputStreamManager", "java.util.logging.StreamHandler",
                "org.apache.juli.FileHandler", "org.slf4j.simple.OutputChoice", "org.slf4j.impl.OutputChoice",
                "java.io.Console", "jdk.internal.io.JdkConsoleImpl");
    }

    @Test
    void withScrubbingOffNoLoggingFrameworkIsHookedNorHeldAtTheStartupGate() {
        List<String> names = new ArrayList<>();
        for (LibraryInstrumentation client : Instrumenter.all(false)) {
            names.add(client.name());
        }

        assertThat(names).containsExactly("HttpURLConnection", "java.net.http.HttpClient", "Apache HttpClient 5",
                "OkHttp", "Apache HttpClient 4", CONNECT);
    }

    @Test
    void everyTargetClassExistsInThisJdkOrTheTestedLibraries() throws Exception {
        for (LibraryInstrumentation client : Instrumenter.all(true)) {
            for (String target : client.targetClasses()) {
                if (target.equals("org.slf4j.impl.OutputChoice")) {
                    continue; // slf4j-simple 1.7, not a test dependency (the tests have 2.0)
                }
                if (target.startsWith("okhttp3.internal.http") && target.endsWith("Codec")) {
                    continue; // OkHttp 3.12's codecs; the tests have OkHttp 4 (OkHttpHookPointsTest reads each line)
                }
                if (target.equals("jdk.internal.io.JdkConsoleImpl") && Runtime.version().feature() < 22) {
                    continue; // System.console()'s implementation in newer JDKs; Java 17 has java.io.Console alone
                }
                assertThat(Class.forName(target, false, ClassLoader.getSystemClassLoader())).isNotNull();
            }
        }
    }
}
