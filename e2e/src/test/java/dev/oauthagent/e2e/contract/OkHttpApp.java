package dev.oauthagent.e2e.contract;

import dev.oauthagent.e2e.support.E2ePaths;
import dev.oauthagent.e2e.support.JavaProcessBuilder;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * test-apps/okhttp-app, compiled against OkHttp 3.12, run with one OkHttp version's jars (e2e/pom.xml copies each
 * line's to target/okhttp/&lt;version&gt;), with {@code execute()} or {@code enqueue()}.
 */
final class OkHttpApp implements ClientApp {
    private static final Set<Integer> FOLLOWED = Set.of(301, 302, 303, 307, 308);
    private static final String MAIN = "dev.oauthagent.testapps.okhttpapp.OkHttpApp";

    /** OkHttp's default (followRedirects and followSslRedirects): every redirect, whatever the scheme. */
    static final RedirectPolicy FOLLOW = new RedirectPolicy("FOLLOW", List.of(),
            (status, from, to) -> FOLLOWED.contains(status));
    /** {@code followSslRedirects(false)}: every redirect that keeps the scheme (neither https to http nor back). */
    static final RedirectPolicy SAME_SCHEME = new RedirectPolicy("NO_SSL_REDIRECTS",
            List.of("--follow-ssl-redirects=false"),
            (status, from, to) -> FOLLOWED.contains(status) && from.getScheme().equals(to.getScheme()));
    static final RedirectPolicy NO_FOLLOW = new RedirectPolicy("NO_FOLLOW", List.of("--follow-redirects=false"),
            (status, from, to) -> false);

    private final String version;
    private final String mode;
    private final List<String> options;

    /**
     * @param version an OkHttp version e2e/pom.xml copies (see {@link #oldest()} and the others)
     * @param mode SYNC ({@code execute()}) or ASYNC ({@code enqueue()})
     */
    OkHttpApp(String version, String mode) {
        this(version, mode, List.of());
    }

    private OkHttpApp(String version, String mode, List<String> options) {
        this.version = version;
        this.mode = mode;
        this.options = options;
    }

    /** The same app with options of its own beside the contract's, e.g. {@code --body=ONE_SHOT}. */
    OkHttpApp with(String... more) {
        List<String> all = new ArrayList<>(options);
        all.addAll(List.of(more));
        return new OkHttpApp(version, mode, List.copyOf(all));
    }

    static String oldest() {
        return System.getProperty("e2e.okhttp.oldest", "3.12.13");
    }

    static String newest3() {
        return System.getProperty("e2e.okhttp3", "3.14.9");
    }

    static String line4() {
        return System.getProperty("e2e.okhttp4", "4.12.0");
    }

    static String line5() {
        return System.getProperty("e2e.okhttp5", "5.5.1");
    }

    @Override
    public String name() {
        return "okhttp-" + version + "-" + mode.toLowerCase();
    }

    @Override
    public Path jar() {
        return E2ePaths.testApp("okhttp-app");
    }

    @Override
    public JavaProcessBuilder program(JavaProcessBuilder process) {
        return process.classpath(jar()).classpath(libraryJars().toArray(Path[]::new)).mainClass(MAIN);
    }

    private List<Path> libraryJars() {
        return LibraryJars.in(Paths.get(System.getProperty("e2e.okhttpJars", "target/okhttp")).resolve(version),
                "OkHttp " + version);
    }

    @Override
    public List<String> args(AppRun run) {
        List<String> args = run.argsWithAwaitEach("--mode=" + mode);
        args.addAll(options);
        return args;
    }

    @Override
    public List<RedirectPolicy> redirectPolicies() {
        return List.of(FOLLOW, SAME_SCHEME, NO_FOLLOW);
    }

    @Override
    public RedirectPolicy defaultRedirectPolicy() {
        return FOLLOW;
    }
}
