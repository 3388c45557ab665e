package dev.oauthagent.testapps.authserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
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
 * What the test user's browser does, in plain HTTP: keeps the session cookie, sends a browser's Accept header,
 * follows redirects only within the auth server (a redirect elsewhere, e.g. to a client's callback, is where it
 * stops), and fills in the server's HTML forms.
 */
final class Browser {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL);
    private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>");

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(TIMEOUT)
            .build();

    /** A response: its URL, status, body, and where it redirects (or null). */
    record Page(URI uri, int status, String body, URI location) {
        /** The page's one form: its action, and its inputs by name (checkboxes: every value). */
        Form form() {
            Matcher form = FORM.matcher(body);
            if (!form.find()) {
                throw new AssertionError("no form on " + uri + " (status " + status + ")");
            }
            Map<String, List<String>> inputs = INPUT.matcher(form.group(2)).results()
                    .map(input -> input.group(1))
                    .filter(attributes -> attribute(attributes, "name") != null)
                    .collect(Collectors.groupingBy(attributes -> attribute(attributes, "name"),
                            Collectors.mapping(attributes -> String.valueOf(attribute(attributes, "value")),
                                    Collectors.toList())));
            String method = attribute(form.group(1), "method");
            return new Form(uri.resolve(attribute(form.group(1), "action")),
                    method == null ? "get" : method.toLowerCase(), inputs);
        }
    }

    record Form(URI action, String method, Map<String, List<String>> inputs) {
        String single(String name) {
            List<String> values = inputs.get(name);
            if (values == null || values.size() != 1) {
                throw new AssertionError("form " + action + " has no single input '" + name + "': " + inputs.keySet());
            }
            return values.get(0);
        }
    }

    Page get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET(), uri);
    }

    Page post(URI uri, List<Map.Entry<String, String>> fields) {
        String body = fields.stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), uri);
    }

    /** Follows the redirects that stay on the auth server's origin; returns the first page that is not one. */
    Page follow(Page page) {
        Page current = page;
        for (int hops = 0; current.location() != null && sameOrigin(current.uri(), current.location()); hops++) {
            if (hops == 10) {
                throw new AssertionError("more than 10 redirects from " + page.uri());
            }
            current = get(current.location());
        }
        return current;
    }

    /** On the login page: signs in and follows the redirect back to the page that asked for it. */
    Page logIn(Page loginPage, String user, String password) {
        Form login = loginPage.form();
        return follow(post(login.action(), List.of(Map.entry("username", user), Map.entry("password", password),
                Map.entry("_csrf", login.single("_csrf")))));
    }

    /**
     * On a consent page (the code flow's and the device flow's have the same form): approves every scope asked
     * for, or cancels as its Cancel button does, sending the hidden fields with no scope ticked.
     */
    Page consent(Page consentPage, boolean approve) {
        Form consent = consentPage.form();
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        consent.inputs().forEach((name, values) -> {
            if (approve || !name.equals("scope")) {
                values.forEach(value -> fields.add(Map.entry(name, value)));
            }
        });
        return follow(post(consent.action(), fields));
    }

    private Page send(HttpRequest.Builder request, URI uri) {
        request.timeout(TIMEOUT).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            URI location = response.headers().firstValue("Location").map(uri::resolve).orElse(null);
            return new Page(uri, response.statusCode(), response.body(), location);
        } catch (IOException e) {
            throw new UncheckedIOException("request to " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during request to " + uri, e);
        }
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equals(b.getScheme()) && a.getHost().equals(b.getHost()) && a.getPort() == b.getPort();
    }

    private static String attribute(String attributes, String name) {
        Matcher value = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(attributes);
        return value.find() ? value.group(1).replace("&amp;", "&") : null;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
