package dev.oauthagent.e2e.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.e2e.support.E2ePaths;
import dev.oauthagent.e2e.support.JavaProcessBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * test-apps/spring-web-app: Spring's {@code RestTemplate} or {@code RestClient} on one request factory, run with one
 * Spring line's jars and that factory's library (e2e/pom.xml copies them to target/spring and target/okhttp). No
 * hook of the agent's is Spring's: each factory sends through a library the agent instruments, which this proves.
 * After every run it checks, from the response class the app's interceptor saw, that the answers came through the
 * factory this app stands for.
 */
final class SpringWebApp implements ClientApp {
    private static final String MAIN = "dev.oauthagent.testapps.springwebapp.SpringWebApp";

    /** The newest Spring line: RestTemplate on every factory but OkHttp's, and RestClient. */
    static String newest() {
        return System.getProperty("e2e.spring", "7.0.10");
    }

    /** The 6.2 line (Spring Boot 3), the newest that has OkHttp3ClientHttpRequestFactory (removed in 7.0). */
    static String line6() {
        return System.getProperty("e2e.spring6", "6.2.19");
    }

    private final String version;
    private final String api;
    private final String factory;
    /** The factory that sends: DEFAULT resolved to what the api picks with nothing but Spring on its class path. */
    private final String sending;

    /**
     * @param api REST_TEMPLATE or REST_CLIENT
     * @param factory SIMPLE, JDK, HTTP_COMPONENTS, OKHTTP3 or DEFAULT (RestTemplate: SIMPLE; RestClient, with no other
     *                client library on the class path: JDK)
     */
    SpringWebApp(String version, String api, String factory) {
        this.version = version;
        this.api = api;
        this.factory = factory;
        this.sending = !"DEFAULT".equals(factory) ? factory : "REST_CLIENT".equals(api) ? "JDK" : "SIMPLE";
    }

    @Override
    public String name() {
        return ("spring-" + version + "-" + api + "-" + factory).toLowerCase().replace('_', '-');
    }

    @Override
    public Path jar() {
        return E2ePaths.testApp("spring-web-app");
    }

    @Override
    public JavaProcessBuilder program(JavaProcessBuilder process) {
        Path root = Paths.get(System.getProperty("e2e.springJars", "target/spring"));
        List<Path> jars = new ArrayList<>(jarsIn(root.resolve("spring-" + version)));
        if ("HTTP_COMPONENTS".equals(sending)) {
            jars.addAll(jarsIn(root.resolve("httpclient5-" + System.getProperty("e2e.httpclient5", "5.6.5"))));
        } else if ("OKHTTP3".equals(sending)) {
            Path okHttp = Paths.get(System.getProperty("e2e.okhttpJars", "target/okhttp"));
            jars.addAll(jarsIn(okHttp.resolve(OkHttpApp.line4())));
        }
        return process.classpath(jar()).classpath(jars.toArray(Path[]::new)).mainClass(MAIN);
    }

    private static List<Path> jarsIn(Path folder) {
        try (Stream<Path> jars = Files.list(folder)) {
            List<Path> found = jars.filter(jar -> jar.toString().endsWith(".jar")).sorted().toList();
            if (found.isEmpty()) {
                throw new IllegalStateException("no jars in " + folder.toAbsolutePath()
                        + ": run the e2e module's pre-integration-test phase (mvn -pl e2e -am verify)");
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the jars in " + folder.toAbsolutePath()
                    + ": run the e2e module's pre-integration-test phase (mvn -pl e2e -am verify)", e);
        }
    }

    @Override
    public List<String> args(AppRun run) {
        List<String> args = run.commonArgs();
        args.add("--api=" + api);
        args.add("--factory=" + factory);
        args.addAll(run.redirect().args());
        return args;
    }

    @Override
    public List<RedirectPolicy> redirectPolicies() {
        return List.of(defaultRedirectPolicy());
    }

    /** What the factory's library does by default; the app cannot change it (Spring's own setting is per library). */
    @Override
    public RedirectPolicy defaultRedirectPolicy() {
        return switch (sending) {
            // Spring sets setInstanceFollowRedirects(true) for GET (false for other methods); HttpURLConnection's rule.
            case "SIMPLE" -> new RedirectPolicy("HTTP_URL_CONNECTION", List.of(), UrlConnectionApp.FOLLOW.rule());
            // HttpClient.newHttpClient(): Redirect.NEVER.
            case "JDK" -> new RedirectPolicy("NEVER", List.of(), (status, from, to) -> false);
            // HttpClients.createSystem(): DefaultRedirectStrategy.
            case "HTTP_COMPONENTS" -> new RedirectPolicy("APACHE_DEFAULT", List.of(), Apache5App.FOLLOW.rule());
            // new OkHttpClient(): followRedirects and followSslRedirects.
            case "OKHTTP3" -> new RedirectPolicy("OKHTTP_DEFAULT", List.of(), OkHttpApp.FOLLOW.rule());
            default -> throw new IllegalStateException(sending);
        };
    }

    /** Apache HttpClient 5.6 refuses a URL with user info; the others send it. */
    @Override
    public boolean sendsUrlsWithUserInfo() {
        return !"HTTP_COMPONENTS".equals(sending);
    }

    /** The Spring line, api and factory asked for, and every answer came through that factory's response class. */
    @Override
    public void assertRanAsDescribed(AppResult result) {
        assertThat(result.stdout()).as("%s", result)
                .contains("SPRING version=" + version + " api=" + api + " factory=" + factory + "\n");
        String response = switch (sending) {
            case "SIMPLE" -> "SimpleClientHttpResponse";
            case "JDK" -> "JdkClientHttpResponse";
            case "HTTP_COMPONENTS" -> "HttpComponentsClientHttpResponse";
            case "OKHTTP3" -> "OkHttp3ClientHttpResponse";
            default -> throw new IllegalStateException(sending);
        };
        assertThat(result.stdout().lines().filter(line -> line.startsWith("REQUEST ") && !line.contains(" status=-1 ")))
                .as("the answers' response class: the factory that sent them\n%s", result)
                .allMatch(line -> line.contains(" response=" + response + " "));
    }
}
