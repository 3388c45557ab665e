package dev.oauthagent.agent.instrument.httpclient;

import dev.oauthagent.agent.inject.Injector;
import dev.oauthagent.agent.instrument.LibraryInstrumentation;
import dev.oauthagent.agent.instrument.ModuleAccess;
import dev.oauthagent.bootstrap.Bridge;
import net.bytebuddy.agent.builder.AgentBuilder;

import java.lang.instrument.Instrumentation;

import static net.bytebuddy.matcher.ElementMatchers.isPrivate;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * The JDK's {@code java.net.http.HttpClient} (Java 11+; {@code send} and {@code sendAsync}, HTTP/1.1 and
 * HTTP/2, every redirect policy). One class of the JDK is transformed: {@code jdk.internal.net.http.MultiExchange},
 * which drives every hop of one call. Everything is reached by name, so the agent still runs on Java 8.
 */
public final class HttpClientInstrumentation implements LibraryInstrumentation {
    static final String TARGET = "jdk.internal.net.http.MultiExchange";

    @Override
    public String name() {
        return "java.net.http.HttpClient";
    }

    @Override
    public String[] targetClasses() {
        return new String[] {TARGET};
    }

    @Override
    public boolean isAvailable() {
        try {
            Class.forName("java.net.http.HttpClient", false, ClassLoader.getSystemClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false; // Java 8, or a runtime image without the java.net.http module
        } catch (LinkageError e) {
            return false;
        }
    }

    @Override
    public void prepare(Instrumentation inst, Injector injector) throws Exception {
        JdkHttpClientInternals jdk = JdkHttpClientInternals.bind(inst);
        // The advice is inlined into java.net.http, which must be able to read the bootstrap classes' module.
        ModuleAccess.addReads(inst,
                Class.forName(JdkHttpClientInternals.REQUEST_IMPL, false, ClassLoader.getSystemClassLoader()),
                Bridge.class);
        Bridge.installHttpClient(new HttpClientHop(injector, jdk));
    }

    @Override
    public AgentBuilder register(AgentBuilder builder) {
        return builder.type(named(TARGET)).transform(new AgentBuilder.Transformer.ForAdvice()
                .include(HttpClientInstrumentation.class.getClassLoader())
                .advice(named("requestFilters").and(isPrivate()).and(takesArguments(1)),
                        RequestFiltersAdvice.class.getName())
                .advice(named("responseFilters").and(isPrivate()).and(takesArguments(1)),
                        ResponseFiltersAdvice.class.getName()));
    }

    @Override
    public void disable() {
        Bridge.installHttpClient(null);
    }
}
