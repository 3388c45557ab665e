package dev.oauthagent.testapps.apache5app;

import java.util.ArrayList;
import java.util.List;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpRequestInterceptor;
import org.apache.hc.core5.http.message.BasicHeader;

/** Command-line options ({@code --name=value}), checked up front with a clear message. */
final class AppOptions {
    private static final String KNOWN = "url|requests|pause-ms|method|header|mode|redirect|api|await-each"
            + "|background-url|max-connections|interceptor-header|default-header|body|minimal";

    final List<String> urls = new ArrayList<>();
    int requests = 1;
    long pauseMillis;
    String method = "GET";
    String headerName;
    String headerValue;
    String interceptorHeaderName;
    String interceptorHeaderValue;
    String defaultHeaderName;
    String defaultHeaderValue;
    /** CLASSIC (HttpClients), ASYNC (HttpAsyncClients.custom(): HTTP/1.1, or h2 where TLS negotiates it), H2. */
    String mode = "CLASSIC";
    boolean followRedirects = true;
    /** CLASSIC: HANDLER (execute with a response handler) or RESPONSE; async: SIMPLE or PRODUCER. */
    String api;
    boolean awaitEach;
    String backgroundUrl;
    int maxConnections;
    boolean streamBody;
    /**
     * {@code HttpClients.createMinimal()}, {@code HttpAsyncClients.createMinimal()} (ASYNC) or
     * {@code createHttp2Minimal()} (H2): no exec chain (no redirects, retries or interceptors).
     */
    boolean minimal;

    static AppOptions parse(String[] args) {
        AppOptions options = new AppOptions();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            String value = eq < 0 ? "" : arg.substring(eq + 1).trim();
            if (!name.matches("--(" + KNOWN + ")")) {
                throw new IllegalArgumentException("unknown argument '" + arg + "': options are --"
                        + KNOWN.replace("|", ", --"));
            }
            options.set(name.substring(2), value);
        }
        if (options.urls.isEmpty()) {
            throw new IllegalArgumentException("--url is required, e.g. --url=http://127.0.0.1:9100/api/hello");
        }
        if (options.api == null) {
            options.api = "CLASSIC".equals(options.mode) ? "HANDLER" : "SIMPLE";
        }
        return options;
    }

    private void set(String name, String value) {
        switch (name) {
            case "url" -> urls.add(value);
            case "requests" -> requests = number(name, value, 1);
            case "pause-ms" -> pauseMillis = number(name, value, 0);
            case "method" -> method = oneOf(name, value.toUpperCase(), "GET|POST|ALTERNATE");
            case "header" -> {
                headerName = headerName(name, value);
                headerValue = value.substring(value.indexOf(':') + 1).trim();
            }
            case "interceptor-header" -> {
                interceptorHeaderName = headerName(name, value);
                interceptorHeaderValue = value.substring(value.indexOf(':') + 1).trim();
            }
            case "default-header" -> {
                defaultHeaderName = headerName(name, value);
                defaultHeaderValue = value.substring(value.indexOf(':') + 1).trim();
            }
            case "mode" -> mode = oneOf(name, value.toUpperCase(), "CLASSIC|ASYNC|H2");
            case "redirect" -> followRedirects = "FOLLOW".equals(oneOf(name, value.toUpperCase(), "FOLLOW|NONE"));
            case "api" -> api = oneOf(name, value.toUpperCase(), "HANDLER|RESPONSE|SIMPLE|PRODUCER");
            case "await-each" -> awaitEach = Boolean.parseBoolean(oneOf(name, value.toLowerCase(), "true|false"));
            case "background-url" -> backgroundUrl = value;
            case "max-connections" -> maxConnections = number(name, value, 1);
            case "minimal" -> minimal = Boolean.parseBoolean(oneOf(name, value.toLowerCase(), "true|false"));
            case "body" -> streamBody = "STREAM".equals(oneOf(name, value.toUpperCase(), "STRING|STREAM"));
            default -> throw new IllegalStateException(name);
        }
    }

    /** {@code --interceptor-header} as a request interceptor that adds it (with addHeader), or null. */
    HttpRequestInterceptor interceptor() {
        return interceptorHeaderName == null ? null
                : (request, entity, context) -> request.addHeader(interceptorHeaderName, interceptorHeaderValue);
    }

    /** {@code --default-header} as the client's default headers (none: an empty list). */
    List<Header> defaultHeaders() {
        return defaultHeaderName == null ? List.of() : List.of(new BasicHeader(defaultHeaderName, defaultHeaderValue));
    }

    /** The method of the n-th request (1-based). */
    String methodFor(int n) {
        return "ALTERNATE".equals(method) ? (n % 2 == 1 ? "GET" : "POST") : method;
    }

    /** The URL of the i-th request (0-based): each URL in turn, {@code --requests} times. */
    String urlFor(int i) {
        return urls.get(i / requests);
    }

    int total() {
        return urls.size() * requests;
    }

    private static String headerName(String option, String value) {
        int colon = value.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("--" + option + " '" + value + "' must look like 'Name: value'");
        }
        return value.substring(0, colon).trim();
    }

    private static String oneOf(String option, String value, String choices) {
        if (!value.matches(choices)) {
            throw new IllegalArgumentException("--" + option + " '" + value + "' must be one of "
                    + choices.replace("|", ", "));
        }
        return value;
    }

    private static int number(String option, String value, int minimum) {
        try {
            int number = Integer.parseInt(value);
            if (number >= minimum) {
                return number;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException("--" + option + " '" + value + "' must be a whole number of at least "
                + minimum);
    }
}
