package dev.oauthagent.testapps.apache4app;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The command line, checked up front: an unknown option or value is an error that names the known ones. */
final class Options {
    private static final List<String> KNOWN = Arrays.asList("url", "requests", "pause-ms", "method", "header",
            "api", "redirect", "body", "basic-auth", "await-each", "background-url");

    final List<String> urls = new ArrayList<String>();
    int requests = 1;
    long pauseMillis;
    String method = "GET";
    String headerName;
    String headerValue;
    String api = "BUILDER";
    String redirect = "DEFAULT";
    boolean streamBody;
    String basicAuth;
    boolean awaitEach;
    String backgroundUrl;

    static Options parse(String[] args) {
        Options options = new Options();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String name = arg.startsWith("--") && eq > 2 ? arg.substring(2, eq) : null;
            if (name == null || !KNOWN.contains(name)) {
                throw new IllegalArgumentException("unknown argument '" + arg + "': options are --" + String.join(
                        "=, --", KNOWN) + "=");
            }
            options.set(name, arg.substring(eq + 1).trim());
        }
        if (options.urls.isEmpty()) {
            throw new IllegalArgumentException("--url is required, e.g. --url=http://127.0.0.1:9100/api/hello");
        }
        return options;
    }

    private void set(String name, String value) {
        switch (name) {
            case "url":
                urls.add(value);
                break;
            case "requests":
                requests = Integer.parseInt(value);
                break;
            case "pause-ms":
                pauseMillis = Long.parseLong(value);
                break;
            case "method":
                method = oneOf(name, value, "GET", "POST", "ALTERNATE");
                break;
            case "header":
                int colon = value.indexOf(':');
                if (colon <= 0) {
                    throw new IllegalArgumentException("--header '" + value + "' must look like 'Name: value'");
                }
                headerName = value.substring(0, colon).trim();
                headerValue = value.substring(colon + 1).trim();
                break;
            case "api":
                api = oneOf(name, value, "BUILDER", "DEFAULT_HTTP_CLIENT", "ASYNC");
                break;
            case "redirect":
                redirect = oneOf(name, value, "DEFAULT", "LAX", "NONE");
                break;
            case "body":
                streamBody = "STREAM".equals(oneOf(name, value, "STRING", "STREAM"));
                break;
            case "basic-auth":
                if (value.indexOf(':') <= 0) {
                    throw new IllegalArgumentException("--basic-auth must look like 'user:password'");
                }
                basicAuth = value;
                break;
            case "await-each":
                awaitEach = Boolean.parseBoolean(oneOf(name, value.toLowerCase(), "true", "false"));
                break;
            default:
                backgroundUrl = value;
        }
    }

    /** The method of the n-th request (1-based). */
    String methodFor(int n) {
        return "ALTERNATE".equals(method) ? (n % 2 == 1 ? "GET" : "POST") : method;
    }

    int total() {
        return urls.size() * requests;
    }

    /** The URL of the i-th request (0-based): each URL in turn, --requests times. */
    String urlFor(int i) {
        return urls.get(i / requests);
    }

    private static String oneOf(String name, String value, String... allowed) {
        String upper = value.toUpperCase();
        for (String a : allowed) {
            if (a.equalsIgnoreCase(upper)) {
                return a;
            }
        }
        throw new IllegalArgumentException("--" + name + " '" + value + "' must be one of " + Arrays.toString(allowed));
    }
}
