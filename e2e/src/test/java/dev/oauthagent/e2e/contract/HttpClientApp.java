package dev.oauthagent.e2e.contract;

import dev.oauthagent.e2e.support.E2ePaths;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** test-apps/httpclient-app: {@link java.net.http.HttpClient}, with {@code send} or with {@code sendAsync}. */
final class HttpClientApp implements ClientApp {
    private static final Set<Integer> FOLLOWED = Set.of(301, 302, 303, 307, 308);

    /** Follows every redirect except https to http. */
    static final RedirectPolicy NORMAL = new RedirectPolicy("NORMAL", List.of("--redirect=NORMAL"),
            (status, from, to) -> FOLLOWED.contains(status)
                    && !("https".equals(from.getScheme()) && "http".equals(to.getScheme())));
    static final RedirectPolicy ALWAYS = new RedirectPolicy("ALWAYS", List.of("--redirect=ALWAYS"),
            (status, from, to) -> FOLLOWED.contains(status));
    static final RedirectPolicy NEVER = new RedirectPolicy("NEVER", List.of("--redirect=NEVER"),
            (status, from, to) -> false);

    private final String mode;

    /** @param mode SYNC or ASYNC */
    HttpClientApp(String mode) {
        this.mode = mode;
    }

    @Override
    public String name() {
        return "httpclient-app-" + mode.toLowerCase();
    }

    @Override
    public Path jar() {
        return E2ePaths.testApp("httpclient-app");
    }

    @Override
    public List<String> args(AppRun run) {
        return run.argsInMode(mode);
    }

    @Override
    public List<RedirectPolicy> redirectPolicies() {
        return List.of(NORMAL, ALWAYS, NEVER);
    }

    /** {@code HttpClient.newBuilder()} without {@code followRedirects} never follows. */
    @Override
    public RedirectPolicy defaultRedirectPolicy() {
        return NEVER;
    }
}
