package dev.oauthagent.testapps.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A command line read into its {@code --url}s (at least one) and one value per other option, which a program's
 * options class checks ({@link #choice}, {@link #number}) and then reads by name.
 */
public final class OptionValues {
    private final List<String> urls = new ArrayList<String>();
    private final Map<String, String> values = new LinkedHashMap<String, String>();

    private OptionValues() {
    }

    /** @param known the option names the program takes, {@code url} among them, e.g. {@code "url|requests"} */
    public static OptionValues parse(String[] args, String known) {
        OptionValues given = new OptionValues();
        for (Map.Entry<String, String> option : CommandLine.options(args, known)) {
            if (option.getKey().equals("url")) {
                given.urls.add(option.getValue());
            } else {
                given.values.put(option.getKey(), option.getValue());
            }
        }
        if (given.urls.isEmpty()) {
            throw new IllegalArgumentException("--url is required, e.g. --url=http://127.0.0.1:9100/api/hello");
        }
        return given;
    }

    /** Every {@code --url}, in order. */
    public List<String> urls() {
        return Collections.unmodifiableList(urls);
    }

    /** The option's value as given (or as checked), or null. */
    public String get(String name) {
        return values.get(name);
    }

    /** Checks the option is one of {@code choices} ({@code "A|B"}), in any case, and keeps it upper case. */
    public void choice(String name, String fallback, String choices) {
        String value = values.containsKey(name) ? values.get(name) : fallback;
        values.put(name, CommandLine.oneOf(name, value.toUpperCase(), choices));
    }

    /** Checks the option is a whole number of at least {@code minimum}. */
    public void number(String name, String fallback, int minimum) {
        String value = values.containsKey(name) ? values.get(name) : fallback;
        values.put(name, String.valueOf(CommandLine.number(name, value, minimum)));
    }

    /** Checks the option, when given, looks like {@code Name: value}. */
    public void header(String name) {
        if (values.containsKey(name)) {
            CommandLine.header(name, values.get(name));
        }
    }
}
