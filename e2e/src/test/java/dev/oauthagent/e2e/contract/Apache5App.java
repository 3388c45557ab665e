package dev.oauthagent.e2e.contract;

import dev.oauthagent.e2e.support.E2ePaths;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * test-apps/apache5-app: Apache HttpClient 5, classic ({@code HttpClients}) or async ({@code HttpAsyncClients}),
 * run with the 5.6 jars ({@code apache5-app.jar}) or the 5.1 ones ({@code apache5-app-5.1.jar}).
 */
final class Apache5App implements ClientApp {
    private static final Set<Integer> FOLLOWED = Set.of(301, 302, 303, 307, 308);

    /** DefaultRedirectStrategy: every redirect status, to any origin and scheme (https to http too). */
    static final RedirectPolicy FOLLOW = new RedirectPolicy("FOLLOW", List.of("--redirect=FOLLOW"),
            (status, from, to) -> FOLLOWED.contains(status));
    /** {@code disableRedirectHandling()} / {@code setRedirectsEnabled(false)}. */
    static final RedirectPolicy NONE = new RedirectPolicy("NONE", List.of("--redirect=NONE"),
            (status, from, to) -> false);

    private final String mode;
    private final String line;

    /**
     * @param mode CLASSIC, ASYNC or H2
     * @param line "5.6" or "5.1": which jars the app runs with
     */
    Apache5App(String mode, String line) {
        this.mode = mode;
        this.line = line;
    }

    @Override
    public String name() {
        return "apache5-app-" + line.replace(".", "") + "-" + mode.toLowerCase();
    }

    @Override
    public Path jar() {
        Path newest = E2ePaths.testApp("apache5-app");
        return "5.6".equals(line) ? newest : newest.resolveSibling("apache5-app-" + line + ".jar");
    }

    @Override
    public List<String> args(AppRun run) {
        return run.argsWithAwaitEach("--mode=" + mode);
    }

    @Override
    public List<RedirectPolicy> redirectPolicies() {
        return List.of(FOLLOW, NONE);
    }

    @Override
    public RedirectPolicy defaultRedirectPolicy() {
        return FOLLOW;
    }

    /** 5.6 fails such a request with "Request URI authority contains deprecated userinfo component"; 5.1 sends it. */
    @Override
    public boolean sendsUrlsWithUserInfo() {
        return !"5.6".equals(line);
    }
}
