package dev.oauthagent.testapps.support;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The contract programs' command line: {@code --name=value} options checked up front, each bad one a message that
 * names the option and what it takes; the program prints it and exits with 2.
 */
public final class CommandLine {
    /** The exit code of a program given a bad option. */
    public static final int BAD_OPTIONS = 2;

    private CommandLine() {
    }

    /** What builds a program's options, throwing {@link IllegalArgumentException} with a message for a bad one. */
    public interface Parser<T> {
        T parse();
    }

    /** The options {@code parser} builds; for a bad one, prints {@code program: message} and exits with 2. */
    public static <T> T parseOrExit(String program, Parser<T> parser) {
        try {
            return parser.parse();
        } catch (IllegalArgumentException e) {
            System.err.println(program + ": " + e.getMessage());
            System.exit(BAD_OPTIONS);
            throw e;
        }
    }

    /**
     * Each argument as its option name (without {@code --}) and value (trimmed; "" for none), in order.
     *
     * @param known the option names the program takes, e.g. {@code "url|requests|pause-ms"}
     */
    public static List<Map.Entry<String, String>> options(String[] args, String known) {
        List<Map.Entry<String, String>> options = new ArrayList<Map.Entry<String, String>>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            String value = eq < 0 ? "" : arg.substring(eq + 1).trim();
            if (!name.matches("--(" + known + ")")) {
                throw new IllegalArgumentException("unknown argument '" + arg + "': options are --"
                        + known.replace("|", ", --"));
            }
            options.add(new AbstractMap.SimpleImmutableEntry<String, String>(name.substring(2), value));
        }
        return options;
    }

    /** {@code value} as a whole number of at least {@code minimum}. */
    public static int number(String option, String value, int minimum) {
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

    /** {@code value} when it is one of {@code choices} ({@code "A|B|C"}). */
    public static String oneOf(String option, String value, String choices) {
        if (!value.matches(choices)) {
            throw new IllegalArgumentException("--" + option + " '" + value + "' must be one of "
                    + choices.replace("|", ", "));
        }
        return value;
    }

    /** {@code true} or {@code false}, in any case. */
    public static boolean bool(String option, String value) {
        return Boolean.parseBoolean(oneOf(option, value.toLowerCase(), "true|false"));
    }

    /** {@code Name: value} as its name and value. */
    public static String[] header(String option, String value) {
        int colon = value.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("--" + option + " '" + value + "' must look like 'Name: value'");
        }
        return new String[] {value.substring(0, colon).trim(), value.substring(colon + 1).trim()};
    }

    /** The method of the n-th request (1-based) for {@code --method}: ALTERNATE is GET, POST, GET, ... */
    public static String methodFor(String method, int n) {
        return "ALTERNATE".equals(method) ? (n % 2 == 1 ? "GET" : "POST") : method;
    }
}
