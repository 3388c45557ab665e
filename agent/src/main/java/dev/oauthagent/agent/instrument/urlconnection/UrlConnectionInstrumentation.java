package dev.oauthagent.agent.instrument.urlconnection;

import dev.oauthagent.agent.inject.Injector;
import dev.oauthagent.agent.instrument.LibraryInstrumentation;
import dev.oauthagent.bootstrap.Bridge;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

import java.lang.instrument.Instrumentation;

import static net.bytebuddy.matcher.ElementMatchers.isPrivate;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * The JDK's {@code HttpURLConnection} (http and, through its delegate subclass, https). One class of the
 * JDK is transformed: {@code sun.net.www.protocol.http.HttpURLConnection}.
 */
public final class UrlConnectionInstrumentation implements LibraryInstrumentation {
    static final String TARGET = "sun.net.www.protocol.http.HttpURLConnection";

    @Override
    public String name() {
        return "HttpURLConnection";
    }

    @Override
    public String[] targetClasses() {
        return new String[] {TARGET};
    }

    @Override
    public void prepare(Instrumentation inst, Injector injector) throws Exception {
        Bridge.installUrlConnection(new UrlConnectionHop(injector, MessageHeaders.bind(inst)));
    }

    @Override
    public AgentBuilder register(AgentBuilder builder) {
        return builder.type(named(TARGET)).transform(new AgentBuilder.Transformer.ForAdvice()
                .include(UrlConnectionInstrumentation.class.getClassLoader())
                .advice(named("writeRequests").and(isPrivate()).and(takesArguments(0)),
                        WriteRequestsAdvice.class.getName())
                .advice(named("getInputStream0").and(isPrivate()).and(takesArguments(0)),
                        ResponseAdvice.class.getName()));
    }

    @Override
    public void disable() {
        Bridge.installUrlConnection(null);
    }
}
