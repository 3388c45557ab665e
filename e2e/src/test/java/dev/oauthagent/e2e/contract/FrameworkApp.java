package dev.oauthagent.e2e.contract;

import dev.oauthagent.e2e.support.E2ePaths;
import dev.oauthagent.e2e.support.JavaProcessBuilder;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * test-apps/feign-retrofit-app: OpenFeign (its default client or feign-okhttp's) or Retrofit, run with one
 * framework's jars on its class path (e2e/pom.xml copies each to target/frameworks/&lt;framework&gt;-&lt;version&gt;).
 * The frameworks add no hook of their own: each hop goes through the client underneath, and follows its redirects.
 */
final class FrameworkApp implements ClientApp {
    private static final String MAIN = "dev.oauthagent.testapps.feignretrofitapp.FeignRetrofitApp";

    private final String framework;
    private final String client;
    private final List<RedirectPolicy> policies;

    private FrameworkApp(String framework, String client, List<RedirectPolicy> policies) {
        this.framework = framework;
        this.client = client;
        this.policies = policies;
    }

    /**
     * Feign's default client: HttpURLConnection, which follows what {@code Request.Options.isFollowRedirects()} (true
     * by default) lets it, as {@code setInstanceFollowRedirects}: never to another scheme, never a 308.
     */
    static FrameworkApp feignDefault() {
        return new FrameworkApp("feign-" + feignVersion(), "FEIGN_DEFAULT",
                List.of(UrlConnectionApp.FOLLOW, UrlConnectionApp.NO_FOLLOW));
    }

    /**
     * feign-okhttp: OkHttp follows every redirect (to any scheme, unless the application's OkHttpClient has
     * {@code followSslRedirects(false)}); {@code Request.Options.isFollowRedirects()} turns it off per request.
     */
    static FrameworkApp feignOkHttp() {
        return new FrameworkApp("feign-" + feignVersion(), "FEIGN_OKHTTP",
                List.of(OkHttpApp.FOLLOW, OkHttpApp.SAME_SCHEME, OkHttpApp.NO_FOLLOW));
    }

    /**
     * Retrofit 3 (on OkHttp 4): its OkHttpClient's redirect settings, OkHttp's defaults (follow every redirect) unless
     * changed.
     */
    static FrameworkApp retrofit() {
        return retrofit(System.getProperty("e2e.retrofit", "3.0.0"));
    }

    /** Retrofit 2, the newest of that line (on OkHttp 3.14): redirects as {@link #retrofit()}. */
    static FrameworkApp retrofit2() {
        return retrofit(System.getProperty("e2e.retrofit2", "2.12.0"));
    }

    private static FrameworkApp retrofit(String version) {
        return new FrameworkApp("retrofit-" + version, "RETROFIT",
                List.of(OkHttpApp.FOLLOW, OkHttpApp.SAME_SCHEME, OkHttpApp.NO_FOLLOW));
    }

    private static String feignVersion() {
        return System.getProperty("e2e.feign", "13.12");
    }

    @Override
    public String name() {
        return framework + "-" + client.toLowerCase().replace('_', '-');
    }

    @Override
    public Path jar() {
        return E2ePaths.testApp("feign-retrofit-app");
    }

    @Override
    public JavaProcessBuilder program(JavaProcessBuilder process) {
        Path jars = Paths.get(System.getProperty("e2e.frameworkJars", "target/frameworks")).resolve(framework);
        return process.classpath(jar()).classpath(LibraryJars.in(jars, framework).toArray(Path[]::new)).mainClass(MAIN);
    }

    @Override
    public List<String> args(AppRun run) {
        List<String> args = new ArrayList<>(run.commonArgs());
        args.add("--client=" + client);
        args.addAll(run.redirect().args());
        return args;
    }

    @Override
    public List<RedirectPolicy> redirectPolicies() {
        return policies;
    }

    @Override
    public RedirectPolicy defaultRedirectPolicy() {
        return policies.get(0);
    }
}
