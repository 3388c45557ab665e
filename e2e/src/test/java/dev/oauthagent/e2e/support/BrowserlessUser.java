package dev.oauthagent.e2e.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The person in front of the browser, played in plain HTTP against the test {@link AuthServer}: signs in on the
 * login form (with its {@code _csrf} field), types the device's user code, approves or refuses on the consent page,
 * and follows the server's last redirect to the client's loopback callback as a browser would. One instance is one
 * browser session (its own cookies).
 *
 * <p>It never prints, logs or puts in an exception a code or a token: what it returns ({@link Outcome}) names pages
 * without their query strings.
 */
public final class BrowserlessUser {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final int MAX_REDIRECTS = 10;
    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL);
    private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>");

    private final URI server;
    private final String username;
    private final String password;
    private final HttpClient browser = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(TIMEOUT)
            .build();

    private BrowserlessUser(URI server, String username, String password) {
        this.server = server;
        this.username = username;
        this.password = password;
    }

    /** The test user of {@code server}, with its password. */
    public static BrowserlessUser of(AuthServer server) {
        return new BrowserlessUser(server.issuer(), AuthServer.USER_NAME, server.userPassword());
    }

    /** The test user typing {@code password} instead of the right one. */
    public static BrowserlessUser withPassword(AuthServer server, String password) {
        return new BrowserlessUser(server.issuer(), AuthServer.USER_NAME, password);
    }

    /** Where the user got to: what the last page answered, named without its query. */
    public enum Stage {
        /** The server redirected to the client's redirect URI and the callback answered ({@link Outcome#page()}). */
        CALLBACK_ANSWERED,
        /** The server redirected to the client's redirect URI but nothing listened there. */
        CALLBACK_UNREACHABLE,
        /** The user approved the device and the server said so. */
        DEVICE_APPROVED,
        /** The user refused the device's request (the server answers 400). */
        DEVICE_REFUSED,
        /** The server did not take the user name and password. */
        LOGIN_FAILED,
        /** The server answered a page the user cannot go on from, e.g. a 400 for a refused redirect URI. */
        STOPPED_ON_SERVER
    }

    /**
     * @param status of the last response (-1 when the callback was unreachable)
     * @param at     the last URL, without its query
     * @param error  the {@code error} parameter of the redirect to the callback, or null
     * @param page   the body of the last response (what the callback answered, for a code flow)
     */
    public record Outcome(Stage stage, int status, URI at, String error, String page) {
        @Override
        public String toString() {
            return stage + " (" + status + " at " + at + (error == null ? "" : ", error=" + error) + ")";
        }
    }

    /**
     * Opens the verification page ({@code verification_uri}, or {@code verification_uri_complete}), signs in, types
     * {@code userCode} where the page asks for it, and approves every scope asked for.
     */
    public Outcome approveDevice(String verificationUri, String userCode) {
        return device(verificationUri, userCode, true);
    }

    /** As {@link #approveDevice}, but presses Cancel on the consent page. */
    public Outcome denyDevice(String verificationUri, String userCode) {
        return device(verificationUri, userCode, false);
    }

    /**
     * Opens the authorization URL, signs in, approves every scope asked for, and follows the server's redirect to
     * the client's loopback callback: the outcome is what the callback answered (a redirect it answers is not
     * followed), or where the user stopped.
     */
    public Outcome authorize(String authorizationUrl) {
        return code(authorizationUrl, true);
    }

    /** As {@link #authorize}, but presses Cancel on the consent page (the server redirects with access_denied). */
    public Outcome refuse(String authorizationUrl) {
        return code(authorizationUrl, false);
    }

    private Outcome device(String verificationUri, String userCode, boolean approve) {
        Page page = signedIn(URI.create(verificationUri));
        if (page.isLogin()) {
            return page.outcome(Stage.LOGIN_FAILED);
        }
        Form form = page.form();
        if (form != null && form.has("user_code") && !form.has("state")) {
            page = follow(get(URI.create(form.action() + "?user_code=" + encode(userCode))));
            form = page.form();
        }
        if (form == null || !form.has("state")) {
            return page.outcome(Stage.STOPPED_ON_SERVER);
        }
        page = follow(consent(form, approve));
        if (!approve && page.status() == 400) {
            return page.outcome(Stage.DEVICE_REFUSED);
        }
        return page.outcome(approve && page.status() == 200 ? Stage.DEVICE_APPROVED : Stage.STOPPED_ON_SERVER);
    }

    private Outcome code(String authorizationUrl, boolean approve) {
        Page page = signedIn(URI.create(authorizationUrl));
        if (page.isLogin()) {
            return page.outcome(Stage.LOGIN_FAILED);
        }
        Form form = page.form();
        if (form != null && form.has("state")) {
            page = follow(consent(form, approve));
        }
        if (page.location() == null) {
            return page.outcome(Stage.STOPPED_ON_SERVER);
        }
        return callback(page.location());
    }

    /** Follows to the page asked for, through the login form when the server sends the user there. */
    private Page signedIn(URI start) {
        Page page = follow(get(start));
        if (!page.isLogin()) {
            return page;
        }
        Form login = page.form();
        return follow(post(login.action(), List.of(Map.entry("username", username), Map.entry("password", password),
                Map.entry("_csrf", login.value("_csrf")))));
    }

    /** The consent form's hidden fields, and every scope when approving (Cancel sends none). */
    private Page consent(Form form, boolean approve) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (Input input : form.inputs()) {
            if (input.type().equals("hidden") || (approve && input.type().equals("checkbox"))) {
                fields.add(Map.entry(input.name(), input.value()));
            }
        }
        return post(form.action(), fields);
    }

    private Outcome callback(URI redirect) {
        String error = parameter(redirect, "error");
        URI at = withoutQuery(redirect);
        try {
            Page answer = send(HttpRequest.newBuilder(redirect).GET(), redirect);
            return new Outcome(Stage.CALLBACK_ANSWERED, answer.status(), at, error, answer.body());
        } catch (IOException e) {
            return new Outcome(Stage.CALLBACK_UNREACHABLE, -1, at, error, "");
        }
    }

    /** Follows redirects that stay on the auth server; a redirect elsewhere is left for the caller. */
    private Page follow(Page first) {
        Page page = first;
        for (int hops = 0; page.location() != null && isOnServer(page.location()); hops++) {
            if (hops == MAX_REDIRECTS) {
                throw new AssertionError("more than " + MAX_REDIRECTS + " redirects from " + withoutQuery(first.uri()));
            }
            page = get(page.location());
        }
        return page;
    }

    private boolean isOnServer(URI uri) {
        return server.getHost().equals(uri.getHost()) && server.getPort() == uri.getPort();
    }

    private Page get(URI uri) {
        return sendOrFail(HttpRequest.newBuilder(uri).GET(), uri);
    }

    private Page post(URI uri, List<Map.Entry<String, String>> fields) {
        String body = fields.stream().map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return sendOrFail(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), uri);
    }

    private Page sendOrFail(HttpRequest.Builder request, URI uri) {
        try {
            return send(request, uri);
        } catch (IOException e) {
            throw new IllegalStateException("the auth server did not answer at " + withoutQuery(uri) + ": " + e, e);
        }
    }

    private Page send(HttpRequest.Builder request, URI uri) throws IOException {
        request.timeout(TIMEOUT).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        try {
            HttpResponse<String> response = browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
            URI location = response.headers().firstValue("Location").map(uri::resolve).orElse(null);
            return new Page(uri, response.statusCode(), response.body(), location);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted at " + withoutQuery(uri), e);
        }
    }

    private record Page(URI uri, int status, String body, URI location) {
        boolean isLogin() {
            Form form = form();
            return uri.getPath().equals("/login") && form != null && form.has("password");
        }

        /** The page's first form, or null. */
        Form form() {
            Matcher form = FORM.matcher(body);
            if (!form.find()) {
                return null;
            }
            List<Input> inputs = INPUT.matcher(form.group(2)).results()
                    .map(input -> new Input(attribute(input.group(1), "type"), attribute(input.group(1), "name"),
                            attribute(input.group(1), "value")))
                    .filter(input -> input.name() != null)
                    .toList();
            return new Form(uri.resolve(attribute(form.group(1), "action")), inputs);
        }

        Outcome outcome(Stage stage) {
            return new Outcome(stage, status, withoutQuery(uri), null, body);
        }
    }

    private record Input(String type, String name, String value) {
        Input {
            type = type == null ? "text" : type;
            value = value == null ? "" : value;
        }
    }

    private record Form(URI action, List<Input> inputs) {
        boolean has(String name) {
            return inputs.stream().anyMatch(input -> input.name().equals(name));
        }

        String value(String name) {
            return inputs.stream().filter(input -> input.name().equals(name)).map(Input::value).findFirst()
                    .orElseThrow(() -> new AssertionError("no '" + name + "' field in the form of " + action));
        }
    }

    private static String attribute(String attributes, String name) {
        Matcher value = Pattern.compile("(?:^|\\s)" + name + "=\"([^\"]*)\"").matcher(attributes);
        return value.find() ? value.group(1).replace("&amp;", "&") : null;
    }

    private static String parameter(URI uri, String name) {
        String query = uri.getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static URI withoutQuery(URI uri) {
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
