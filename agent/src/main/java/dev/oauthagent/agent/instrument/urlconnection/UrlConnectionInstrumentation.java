package dev.oauthagent.agent.instrument.urlconnection;

import dev.oauthagent.agent.inject.Injector;
import dev.oauthagent.agent.instrument.HookPoint;
import dev.oauthagent.agent.instrument.LibraryInstrumentation;
import dev.oauthagent.bootstrap.Bridge;

import java.lang.instrument.Instrumentation;
import java.util.Arrays;
import java.util.List;

/**
 * The JDK's {@code HttpURLConnection} (http and, through its delegate subclass, https). One class of the
 * JDK is transformed, {@code sun.net.www.protocol.http.HttpURLConnection}, with two calls into
 * {@code dev.oauthagent.bootstrap.UrlConnectionAdvice}:
 * <ul>
 *   <li>at the start of the private {@code writeRequests()}, which runs once per hop just before the header
 *       list goes to the wire, after the application's own headers are in it: the token goes into the list
 *       (a fail-closed refusal is thrown from there, so no byte of the request leaves the JVM);</li>
 *   <li>when the private {@code getInputStream0()} returns or throws (both {@code getInputStream()} and
 *       {@code getResponseCode()} read the response through it): the final status and headers, so a 401
 *       {@code invalid_token} can drop the token.</li>
 * </ul>
 */
public final class UrlConnectionInstrumentation implements LibraryInstrumentation {
    static final String TARGET = "sun.net.www.protocol.http.HttpURLConnection";
    private static final String ADVICE = "dev/oauthagent/bootstrap/UrlConnectionAdvice";
    private static final String HEADER_LIST = "Lsun/net/www/MessageHeader;";

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
        UrlConnectionHop.install(injector, MessageHeaders.bind(inst));
    }

    @Override
    public List<HookPoint> hookPoints() {
        return Arrays.asList(
                HookPoint.atEntry(TARGET, "writeRequests", "()V")
                        .pushThis().pushField("url", "Ljava/net/URL;").pushField("requests", HEADER_LIST)
                        .calls(ADVICE, "beforeWrite", "(Ljava/lang/Object;Ljava/net/URL;Ljava/lang/Object;)V"),
                HookPoint.at(HookPoint.Position.EXIT_OR_THROW, TARGET, "getInputStream0", "()Ljava/io/InputStream;")
                        .pushThis().pushField("responses", HEADER_LIST)
                        .calls(ADVICE, "afterResponse", "(Ljava/lang/Object;Ljava/lang/Object;)V"));
    }

    @Override
    public void disable() {
        Bridge.installUrlConnection(null);
    }
}
