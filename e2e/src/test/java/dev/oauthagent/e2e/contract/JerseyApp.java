package dev.oauthagent.e2e.contract;

import dev.oauthagent.e2e.support.E2ePaths;
import java.nio.file.Path;
import java.util.List;

/**
 * test-apps/jersey-app: the JAX-RS client of Jersey on one of its connectors: Jersey 4 ({@code jersey-app.jar}) with
 * its default or Apache HttpClient 5 connector, Jersey 3.1 ({@code jersey-app-3.1.jar}) with the Apache HttpClient 4
 * one, which Jersey 4 no longer ships. The agent has no hook of its own for Jersey: each connector sends through a
 * library it instruments, so Jersey follows (and the agent decides) the redirects that library follows.
 */
final class JerseyApp implements ClientApp {
    private static final RedirectPolicy NO_FOLLOW = new RedirectPolicy("NO_FOLLOW", List.of("--follow-redirects=false"),
            (status, from, to) -> false);

    private final String connector;
    private final RedirectPolicy follow;

    /**
     * @param connector DEFAULT (Jersey 4's own connector, on HttpURLConnection), APACHE5 (jersey-apache5-connector 4,
     *                  on Apache HttpClient 5.5) or APACHE (jersey-apache-connector 3.1, on Apache HttpClient 4.5)
     */
    JerseyApp(String connector) {
        this.connector = connector;
        // Jersey's default (FOLLOW_REDIRECTS true) hands redirects to the library under the connector: HttpURLConnection
        // follows 301/302/303/307 within one scheme, Apache HttpClient's DefaultRedirectStrategy (4.5 and 5) every
        // status to any origin and scheme.
        RedirectPolicy library = switch (connector) {
            case "APACHE5" -> Apache5App.FOLLOW;
            case "APACHE" -> new Apache4App("BUILDER", "4.5.14").defaultRedirectPolicy();
            default -> UrlConnectionApp.FOLLOW;
        };
        this.follow = new RedirectPolicy("FOLLOW", List.of(), library.rule());
    }

    @Override
    public String name() {
        return "jersey-app-" + (jersey31() ? "31-" : "") + connector.toLowerCase();
    }

    @Override
    public Path jar() {
        Path jersey4 = E2ePaths.testApp("jersey-app");
        return jersey31() ? jersey4.resolveSibling("jersey-app-3.1.jar") : jersey4;
    }

    private boolean jersey31() {
        return "APACHE".equals(connector);
    }

    @Override
    public List<String> args(AppRun run) {
        return run.argsWith("--connector=" + connector);
    }

    @Override
    public List<RedirectPolicy> redirectPolicies() {
        return List.of(follow, NO_FOLLOW);
    }

    @Override
    public RedirectPolicy defaultRedirectPolicy() {
        return follow;
    }

    /**
     * The HttpClient jersey-apache5-connector 4.0.2 brings (5.5) refuses it, as 5.6 does: "Request URI authority
     * contains deprecated userinfo component".
     */
    @Override
    public boolean sendsUrlsWithUserInfo() {
        return !"APACHE5".equals(connector);
    }
}
