package dev.oauthagent.testapps.apache4app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.oauthagent.testapps.support.CommandLine;

/** The command line, checked up front: an unknown option or value is an error that names the known ones. */
final class Options {
    private static final String KNOWN = "url|requests|pause-ms|method|header|api|redirect|body|basic-auth|await-each"
            + "|background-url";

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
        for (Map.Entry<String, String> option : CommandLine.options(args, KNOWN)) {
            options.set(option.getKey(), option.getValue());
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
                requests = CommandLine.number(name, value, 1);
                break;
            case "pause-ms":
                pauseMillis = CommandLine.number(name, value, 0);
                break;
            case "method":
                method = CommandLine.oneOf(name, value.toUpperCase(), "GET|POST|ALTERNATE");
                break;
            case "header":
                String[] header = CommandLine.header(name, value);
                headerName = header[0];
                headerValue = header[1];
                break;
            case "api":
                api = CommandLine.oneOf(name, value.toUpperCase(), "BUILDER|DEFAULT_HTTP_CLIENT|ASYNC");
                break;
            case "redirect":
                redirect = CommandLine.oneOf(name, value.toUpperCase(), "DEFAULT|LAX|NONE");
                break;
            case "body":
                streamBody = "STREAM".equals(CommandLine.oneOf(name, value.toUpperCase(), "STRING|STREAM"));
                break;
            case "basic-auth":
                if (value.indexOf(':') <= 0) {
                    throw new IllegalArgumentException("--basic-auth must look like 'user:password'");
                }
                basicAuth = value;
                break;
            case "await-each":
                awaitEach = CommandLine.bool(name, value);
                break;
            default:
                backgroundUrl = value;
        }
    }

    /** The method of the n-th request (1-based). */
    String methodFor(int n) {
        return CommandLine.methodFor(method, n);
    }

    int total() {
        return urls.size() * requests;
    }

    /** The URL of the i-th request (0-based): each URL in turn, --requests times. */
    String urlFor(int i) {
        return urls.get(i / requests);
    }
}
