package dev.oauthagent.e2e.contract;

import dev.oauthagent.e2e.support.E2ePaths;
import dev.oauthagent.e2e.support.JavaProcessBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * test-apps/cxf-app: a JAX-WS client on Apache CXF 4.2's default HTTP conduit, which sends through java.net.http
 * ({@code HttpClientHTTPConduit}, one {@code sendAsync} per hop with the JDK's redirects off). The agent has no hook
 * of its own for CXF.
 *
 * <p>Every call is a SOAP POST, whatever method a contract case asks for: the app's {@code --method} is always POST.
 * The redirect rules below are for that POST (CXF resends it, as a POST, to the {@code Location}).
 */
final class CxfApp implements ClientApp {
    private static final Set<Integer> FOLLOWED = Set.of(301, 302, 303, 307, 308);

    /**
     * CXF's default ({@code HTTPClientPolicy.AutoRedirect} false): nothing is followed; the 3xx answer is the
     * call's, which fails (it is no SOAP response).
     */
    static final RedirectPolicy NO_AUTO_REDIRECT = new RedirectPolicy("NO_AUTO_REDIRECT", List.of(),
            (status, from, to) -> false);
    /**
     * AutoRedirect on, with {@code http.redirect.relative.uri} so a relative {@code Location} is followed too:
     * every status, to any host and scheme (https to http too).
     */
    static final RedirectPolicy AUTO_REDIRECT = new RedirectPolicy("AUTO_REDIRECT",
            List.of("--auto-redirect=true", "--relative-redirects=true"), (status, from, to) -> FOLLOWED.contains(status));

    private final List<String> jvmArgs;

    CxfApp() {
        this(List.of());
    }

    private CxfApp(List<String> jvmArgs) {
        this.jvmArgs = jvmArgs;
    }

    /** The same app with the JDK's HttpClient writing a line per request it sends ({@code REQUEST: <uri> <method>}). */
    CxfApp loggingJavaNetHttpRequests() {
        return new CxfApp(List.of("-Djdk.httpclient.HttpClient.log=requests"));
    }

    @Override
    public String name() {
        return "cxf-app";
    }

    @Override
    public Path jar() {
        return E2ePaths.testApp("cxf-app");
    }

    @Override
    public JavaProcessBuilder program(JavaProcessBuilder process) {
        return process.jvmArgs(jvmArgs.toArray(String[]::new)).jar(jar());
    }

    @Override
    public List<String> args(AppRun run) {
        return run.method("POST").argsWith();
    }

    @Override
    public List<RedirectPolicy> redirectPolicies() {
        return List.of(NO_AUTO_REDIRECT, AUTO_REDIRECT);
    }

    @Override
    public RedirectPolicy defaultRedirectPolicy() {
        return NO_AUTO_REDIRECT;
    }
}
