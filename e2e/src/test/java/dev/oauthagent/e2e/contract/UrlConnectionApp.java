package dev.oauthagent.e2e.contract;

import dev.oauthagent.e2e.support.E2ePaths;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** test-apps/urlconnection-app: {@link java.net.HttpURLConnection}, one request after another. */
final class UrlConnectionApp implements ClientApp {
    /** HttpURLConnection follows these (not 308: JDK 17 and 25 hand a 308 to the application). */
    private static final Set<Integer> FOLLOWED = Set.of(301, 302, 303, 307);

    /** The JDK default: follows a redirect only to the same scheme (never https to http or back). */
    static final RedirectPolicy FOLLOW = new RedirectPolicy("FOLLOW", List.of("--follow-redirects=true"),
            (status, from, to) -> FOLLOWED.contains(status) && from.getScheme().equals(to.getScheme()));
    static final RedirectPolicy NO_FOLLOW = new RedirectPolicy("NO_FOLLOW", List.of("--follow-redirects=false"),
            (status, from, to) -> false);

    @Override
    public String name() {
        return "urlconnection-app";
    }

    @Override
    public Path jar() {
        return E2ePaths.testApp("urlconnection-app");
    }

    @Override
    public List<String> args(AppRun run) {
        List<String> args = new ArrayList<>(run.commonArgs());
        args.addAll(run.redirect().args());
        return args;
    }

    @Override
    public List<RedirectPolicy> redirectPolicies() {
        return List.of(FOLLOW, NO_FOLLOW);
    }

    @Override
    public RedirectPolicy defaultRedirectPolicy() {
        return FOLLOW;
    }
}
