package dev.oauthagent.agent.token.code;

import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The parameters of the redirect back (RFC 6749 §4.1.2), form-decoded from the request's raw query. */
final class CallbackQuery {
    private final Map<String, List<String>> parameters;

    private CallbackQuery(Map<String, List<String>> parameters) {
        this.parameters = parameters;
    }

    /**
     * @param rawQuery the query as it came, or null
     * @throws IllegalArgumentException when a part is not valid form encoding
     */
    static CallbackQuery parse(String rawQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                List<String> values = parameters.get(name);
                if (values == null) {
                    values = new ArrayList<>(1);
                    parameters.put(name, values);
                }
                values.add(value);
            }
        }
        return new CallbackQuery(parameters);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is required of every JVM", e);
        }
    }

    /**
     * The one value of a parameter; null when it is absent. A parameter sent twice counts as absent: RFC 6749
     * §3.1 lets no parameter repeat, and picking one of two codes or states would be a guess.
     */
    String single(String name) {
        List<String> values = parameters.getOrDefault(name, Collections.<String>emptyList());
        return values.size() == 1 ? values.get(0) : null;
    }

    boolean has(String name) {
        return parameters.containsKey(name);
    }
}
