package dev.oauthagent.e2e.contract;

import dev.oauthagent.e2e.support.E2ePaths;
import dev.oauthagent.e2e.support.JavaProcessBuilder;
import dev.oauthagent.e2e.support.OriginRecorder;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * test-apps/apache4-app: Apache HttpClient 4.x through one of its APIs (the 4.3+ builder, the deprecated
 * DefaultHttpClient, HttpAsyncClient 4.1), run with one version's jars on its class path (e2e/pom.xml copies each
 * version into {@code target/apache4-libs/<version>}): the same program, compiled against 4.3's API, proves each line.
 */
final class Apache4App implements ClientApp {
    /** The newest 4.x line: 4.5 (with HttpAsyncClient 4.1). */
    static final String NEWEST = System.getProperty("e2e.apache4Newest", "4.5.14");
    /** The oldest line with the builder API: 4.3. */
    static final String OLDEST = System.getProperty("e2e.apache4Oldest", "4.3.6");
    private static final String MAIN = "dev.oauthagent.testapps.apache4app.Apache4App";

    private final String api;
    private final String version;
    /** DefaultRedirectStrategy follows these for a GET, to any scheme (https to http too); 4.3 does not know 308. */
    private final Set<Integer> followed;

    /** @param api BUILDER, DEFAULT_HTTP_CLIENT or ASYNC */
    Apache4App(String api, String version) {
        this.api = api;
        this.version = version;
        this.followed = version.startsWith("4.3.") ? Set.of(301, 302, 303, 307) : Set.of(301, 302, 303, 307, 308);
    }

    @Override
    public String name() {
        // The API last: the groundwork checks the order of arrival except for names ending in "async".
        return "apache4-app-" + version + "-" + api.toLowerCase().replace('_', '-');
    }

    @Override
    public Path jar() {
        return E2ePaths.testApp("apache4-app");
    }

    @Override
    public JavaProcessBuilder program(JavaProcessBuilder builder) {
        Path libs = Paths.get(System.getProperty("e2e.apache4Libs", "target/apache4-libs")).resolve(version);
        try (Stream<Path> jars = Files.list(libs)) {
            return builder.classpath(jar()).classpath(jars.sorted().toArray(Path[]::new)).mainClass(MAIN);
        } catch (IOException e) {
            throw new UncheckedIOException("no Apache HttpClient " + version + " jars in " + libs.toAbsolutePath()
                    + ": run the e2e module's pre-integration-test phase (mvn -pl e2e -am verify)", e);
        }
    }

    @Override
    public List<String> args(AppRun run) {
        return run.argsWithAwaitEach("--api=" + api);
    }

    @Override
    public List<RedirectPolicy> redirectPolicies() {
        // For a GET, LaxRedirectStrategy follows what DefaultRedirectStrategy does; it differs for POST only.
        return List.of(policy("DEFAULT"), policy("LAX"),
                new RedirectPolicy("NONE", List.of("--redirect=NONE"), (status, from, to) -> false));
    }

    @Override
    public RedirectPolicy defaultRedirectPolicy() {
        return policy("DEFAULT");
    }

    /**
     * The deprecated DefaultHttpClient sends the user info of a URL as Basic credentials, unasked (its
     * DefaultRequestDirector; BasicScheme writes a missing password as "null"); the builder API does not.
     */
    @Override
    public String ownAuthorization(URI url) {
        if (!"DEFAULT_HTTP_CLIENT".equals(api) || url.getUserInfo() == null) {
            return null;
        }
        String credentials = url.getUserInfo().contains(":") ? url.getUserInfo() : url.getUserInfo() + ":null";
        return OriginRecorder.describeAuthorization("Basic",
                Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private RedirectPolicy policy(String name) {
        return new RedirectPolicy(name, List.of("--redirect=" + name), (status, from, to) -> followed.contains(status));
    }
}
