package dev.oauthagent.testapps.apache5app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.oauthagent.testapps.support.CommandLine;
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
        for (Map.Entry<String, String> option : CommandLine.options(args, KNOWN)) {
            options.set(option.getKey(), option.getValue());
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
            case "requests" -> requests = CommandLine.number(name, value, 1);
            case "pause-ms" -> pauseMillis = CommandLine.number(name, value, 0);
            case "method" -> method = CommandLine.oneOf(name, value.toUpperCase(), "GET|POST|ALTERNATE");
            case "header" -> {
                String[] header = CommandLine.header(name, value);
                headerName = header[0];
                headerValue = header[1];
            }
            case "interceptor-header" -> {
                String[] header = CommandLine.header(name, value);
                interceptorHeaderName = header[0];
                interceptorHeaderValue = header[1];
            }
            case "default-header" -> {
                String[] header = CommandLine.header(name, value);
                defaultHeaderName = header[0];
                defaultHeaderValue = header[1];
            }
            case "mode" -> mode = CommandLine.oneOf(name, value.toUpperCase(), "CLASSIC|ASYNC|H2");
            case "redirect" -> followRedirects = "FOLLOW".equals(CommandLine.oneOf(name, value.toUpperCase(),
                    "FOLLOW|NONE"));
            case "api" -> api = CommandLine.oneOf(name, value.toUpperCase(), "HANDLER|RESPONSE|SIMPLE|PRODUCER");
            case "await-each" -> awaitEach = CommandLine.bool(name, value);
            case "background-url" -> backgroundUrl = value;
            case "max-connections" -> maxConnections = CommandLine.number(name, value, 1);
            case "minimal" -> minimal = CommandLine.bool(name, value);
            case "body" -> streamBody = "STREAM".equals(CommandLine.oneOf(name, value.toUpperCase(), "STRING|STREAM"));
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
        return CommandLine.methodFor(method, n);
    }

    /** The URL of the i-th request (0-based): each URL in turn, {@code --requests} times. */
    String urlFor(int i) {
        return urls.get(i / requests);
    }

    int total() {
        return urls.size() * requests;
    }
}
