package dev.oauthagent.testapps.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Options given as {@code --name=value} or, where the command line has none, as the environment variable
 * {@code APP_NAME} ({@code --pause-ms}: {@code APP_PAUSE_MS}), for the programs that take both. A bad value's
 * message names both.
 */
public final class EnvOptions {
    private final String[] args;
    private final Map<String, String> env;

    /**
     * @param known the option names the program takes, e.g. {@code "url|requests|pause-ms"}
     */
    public EnvOptions(String[] args, Map<String, String> env, String known) {
        this.args = args.clone();
        this.env = env;
        CommandLine.options(args, known);
    }

    /** Every {@code --url} given, in order, or {@code APP_URL} when there is none; at least one. */
    public List<String> urls() {
        List<String> urls = new ArrayList<String>();
        for (String arg : args) {
            if (arg.startsWith("--url=") && !arg.substring("--url=".length()).trim().isEmpty()) {
                urls.add(arg.substring("--url=".length()).trim());
            }
        }
        String fromEnv = env.get(variable("url"));
        if (urls.isEmpty() && fromEnv != null && !fromEnv.trim().isEmpty()) {
            urls.add(fromEnv.trim());
        }
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("--url (or APP_URL) is required, e.g."
                    + " --url=http://127.0.0.1:9100/api/hello");
        }
        return urls;
    }

    /** The option's value, trimmed; null when it is not given (or blank). */
    public String value(String option) {
        String prefix = "--" + option + "=";
        String value = env.get(variable(option));
        for (String arg : args) {
            if (arg.startsWith(prefix)) {
                value = arg.substring(prefix.length());
                break;
            }
        }
        return value == null || value.trim().isEmpty() ? null : value.trim();
    }

    /** One of {@code choices} ({@code "A|B|C"}, upper case), in any case; {@code fallback} when not given. */
    public String choice(String option, String fallback, String choices) {
        String value = value(option);
        return value == null ? fallback : CommandLine.oneOf(label(option), value.toUpperCase(), choices);
    }

    /** {@code true} or {@code false}, in any case; {@code fallback} when not given. */
    public boolean bool(String option, boolean fallback) {
        String value = value(option);
        return value == null ? fallback : CommandLine.bool(label(option), value);
    }

    /** A whole number of at least {@code minimum}; {@code fallback} when not given. */
    public int number(String option, int fallback, int minimum) {
        String value = value(option);
        return value == null ? fallback : CommandLine.number(label(option), value, minimum);
    }

    /** {@code Name: value} as its name and value; null when not given. */
    public String[] header(String option) {
        String value = value(option);
        return value == null ? null : CommandLine.header(label(option), value);
    }

    /** e.g. "pause-ms (or APP_PAUSE_MS)", as messages name the option. */
    public static String label(String option) {
        return option + " (or " + variable(option) + ")";
    }

    private static String variable(String option) {
        return "APP_" + option.toUpperCase().replace('-', '_');
    }
}
