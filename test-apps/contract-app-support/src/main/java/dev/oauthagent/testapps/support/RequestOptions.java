package dev.oauthagent.testapps.support;

import java.util.List;

/**
 * The options every client program of the contract takes, checked up front: {@code --url} (one or more),
 * {@code --requests}, {@code --pause-ms}, {@code --method}, {@code --header} and {@code --background-url}. A program
 * extends it with the options of its own library, checked in its constructor.
 */
public class RequestOptions {
    private static final String COMMON = "url|requests|pause-ms|method|header|background-url";

    protected final OptionValues values;

    /**
     * @param ownOptions the program's other option names, e.g. {@code "mode|follow-redirects"}
     * @param methods    the methods it can send, e.g. {@code "GET|POST|ALTERNATE"}
     */
    protected RequestOptions(String[] args, String ownOptions, String methods) {
        values = OptionValues.parse(args, COMMON + "|" + ownOptions);
        values.choice("method", "GET", methods);
        values.number("requests", "1", 1);
        values.number("pause-ms", "0", 0);
        values.header("header");
    }

    /** Every {@code --url}, in order; each gets {@link #requests()} requests. */
    public List<String> urls() {
        return values.urls();
    }

    public int requests() {
        return Integer.parseInt(values.get("requests"));
    }

    public long pauseMillis() {
        return Long.parseLong(values.get("pause-ms"));
    }

    public String method() {
        return values.get("method");
    }

    /** The method of the n-th request (1-based): GET, POST, or GET and POST in turn (ALTERNATE). */
    public String methodFor(int n) {
        return CommandLine.methodFor(method(), n);
    }

    /** {@code Name: value} or null. */
    public String header() {
        return values.get("header");
    }

    /** A URL a second thread GETs every 100 ms with the same client while the requests run, or null. */
    public String backgroundUrl() {
        return values.get("background-url");
    }
}
