package dev.oauthagent.agent.instrument.httpclient;

import dev.oauthagent.agent.inject.Injector;
import dev.oauthagent.agent.instrument.LibraryInstrumentation;
import dev.oauthagent.agent.instrument.ModuleAccess;
import dev.oauthagent.bootstrap.Bridge;
import dev.oauthagent.agent.instrument.HookPoint;

import java.lang.instrument.Instrumentation;
import java.util.Arrays;
import java.util.List;

/**
 * The JDK's {@code java.net.http.HttpClient} (Java 11+; {@code send} and {@code sendAsync}, HTTP/1.1 and
 * HTTP/2, every redirect policy). One class of the JDK is transformed: {@code jdk.internal.net.http.MultiExchange},
 * which drives every hop of one call, with two calls into {@code dev.oauthagent.bootstrap.HttpClientAdvice}:
 * <ul>
 *   <li>when the private {@code requestFilters(HttpRequestImpl)} returns, once per hop (first request, redirect,
 *       Authenticator retry) after the client's own filters added their headers and before the hop is handed
 *       to a connection (HTTP/1.1 or HTTP/2): the token goes into the hop's system headers. A fail-closed
 *       refusal is thrown from there as the method's IOException, which the JDK turns into the failure of
 *       {@code send} (or the failed future of {@code sendAsync}) without sending anything;</li>
 *   <li>when the private {@code responseFilters(Response)} returns the next request to send (a redirect, an
 *       Authenticator retry) or null to hand the response to the application: in the null case the agent may
 *       return a resend of a request whose token was refused, which the JDK then sends as a new hop.</li>
 * </ul>
 * Everything is reached by name, so the agent still runs on Java 8.
 */
public final class HttpClientInstrumentation implements LibraryInstrumentation {
    static final String TARGET = "jdk.internal.net.http.MultiExchange";
    private static final String ADVICE = "dev/oauthagent/bootstrap/HttpClientAdvice";
    private static final String REQUEST = "Ljdk/internal/net/http/HttpRequestImpl;";

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
        // False on Java 8, or on a runtime image without the java.net.http module.
        return LibraryInstrumentation.hasClass("java.net.http.HttpClient", ClassLoader.getSystemClassLoader());
    }

    @Override
    public void prepare(Instrumentation inst, Injector injector) throws Exception {
        JdkHttpClientInternals jdk = JdkHttpClientInternals.bind(inst);
        // The advice is inlined into java.net.http, which must be able to read the bootstrap classes' module.
        ModuleAccess.addReads(inst,
                Class.forName(JdkHttpClientInternals.REQUEST_IMPL, false, ClassLoader.getSystemClassLoader()),
                Bridge.class);
        HttpClientHop.install(injector, jdk);
    }

    @Override
    public List<HookPoint> hookPoints() {
        return Arrays.asList(
                HookPoint.at(HookPoint.Position.EXIT, TARGET, "requestFilters", "(" + REQUEST + ")V")
                        .pushArgument(0)
                        .calls(ADVICE, "afterRequestFilters", "(Ljava/lang/Object;)V"),
                HookPoint.at(HookPoint.Position.EXIT_REPLACING_RETURN_VALUE, TARGET, "responseFilters",
                                "(Ljdk/internal/net/http/Response;)" + REQUEST)
                        .pushThis().pushArgument(0)
                        .calls(ADVICE, "afterResponseFilters",
                                "(Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;"));
    }

    @Override
    public void disable() {
        Bridge.installHttpClient(null);
    }
}
