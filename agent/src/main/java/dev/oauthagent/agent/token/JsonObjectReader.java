package dev.oauthagent.agent.token;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an authorization server's JSON answer (a token response, a device authorization response) with
 * jackson-core's streaming parser (no data binding: decision 0001). Accepts exactly one JSON object; reads the
 * known fields, checks their JSON types, skips unknown fields whatever their shape, and refuses a field that
 * appears twice (two different {@code access_token}s leave no right answer).
 *
 * <p>Jackson's own exception messages are never passed on: they quote the offending input, which may be a
 * token. Only the position is reported. Immutable and thread-safe once built.
 */
public final class JsonObjectReader {
    // The body is already capped at 1 MiB by the HTTP client; these limits keep a hostile body from costing
    // more than that (deeply nested unknown fields, thousand-digit numbers). Shared with TokenEndpointDiscovery.
    static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(32)
                    .maxNumberLength(64)
                    .build())
            .build();

    /** Field name to the rule quoted when its type is wrong ("RFC 6749 requires a string"). */
    private final Map<String, String> stringFields;
    private final Map<String, String> numberFields;
    private final Map<String, String> listFields;

    private JsonObjectReader(Builder b) {
        this.stringFields = Collections.unmodifiableMap(new HashMap<>(b.stringFields));
        this.numberFields = Collections.unmodifiableMap(new HashMap<>(b.numberFields));
        this.listFields = Collections.unmodifiableMap(new HashMap<>(b.listFields));
    }

    public static Builder builder() {
        return new Builder();
    }

    public Fields read(byte[] body) throws MalformedTokenResponseException {
        try (JsonParser p = JSON.createParser(body)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new MalformedTokenResponseException("the body is empty");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new MalformedTokenResponseException("the body is " + describe(first) + ", not a JSON object");
            }
            Fields fields = readObject(p);
            if (p.nextToken() != null) {
                throw new MalformedTokenResponseException("the body has more content after the JSON object");
            }
            return fields;
        } catch (JsonProcessingException e) {
            throw new MalformedTokenResponseException("the body is not valid JSON" + position(e.getLocation()));
        } catch (IOException e) {
            // Reading a byte array cannot fail with real I/O; treat anything else jackson throws the same way.
            throw new MalformedTokenResponseException("the body is not valid JSON");
        }
    }

    private Fields readObject(JsonParser p) throws IOException, MalformedTokenResponseException {
        Set<String> seen = new HashSet<>();
        Map<String, String> strings = new LinkedHashMap<>();
        Map<String, BigDecimal> numbers = new LinkedHashMap<>();
        Map<String, List<String>> lists = new LinkedHashMap<>();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (!seen.add(name)) {
                throw new MalformedTokenResponseException("the body has the field "
                        + (isKnown(name) ? "'" + name + "' " : "") + "more than once");
            }
            if (numberFields.containsKey(name)) {
                numbers.put(name, readNumber(p, name, value));
            } else if (stringFields.containsKey(name)) {
                strings.put(name, readString(p, name, value));
            } else if (listFields.containsKey(name)) {
                lists.put(name, readList(p, name, value));
            } else {
                p.skipChildren(); // unknown field: any shape, ignored
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new MalformedTokenResponseException("the body is not valid JSON");
        }
        return new Fields(strings, numbers, lists);
    }

    /** A JSON array of strings, or one string as a list of one (JWT's {@code aud}: RFC 7519 §4.1.3). */
    private List<String> readList(JsonParser p, String name, JsonToken value)
            throws IOException, MalformedTokenResponseException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value == JsonToken.VALUE_STRING) {
            return Collections.singletonList(p.getText());
        }
        if (value != JsonToken.START_ARRAY) {
            throw new MalformedTokenResponseException("the field '" + name + "' is " + describe(value) + "; "
                    + listFields.get(name));
        }
        List<String> items = new ArrayList<>();
        JsonToken item;
        while ((item = p.nextToken()) != JsonToken.END_ARRAY) {
            if (item != JsonToken.VALUE_STRING) {
                throw new MalformedTokenResponseException("the field '" + name + "' holds " + describe(item)
                        + "; " + listFields.get(name));
            }
            items.add(p.getText());
        }
        return Collections.unmodifiableList(items);
    }

    private String readString(JsonParser p, String name, JsonToken value)
            throws IOException, MalformedTokenResponseException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.VALUE_STRING) {
            throw new MalformedTokenResponseException("the field '" + name + "' is " + describe(value) + "; "
                    + stringFields.get(name));
        }
        return p.getText();
    }

    private BigDecimal readNumber(JsonParser p, String name, JsonToken value)
            throws IOException, MalformedTokenResponseException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value == JsonToken.VALUE_NUMBER_INT) {
            return new BigDecimal(p.getBigIntegerValue());
        }
        if (value == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getDecimalValue();
        }
        // A quoted "3600" is refused rather than guessed at: the RFCs make these numbers, and a server that
        // quotes one may mean something else (a date, milliseconds).
        throw new MalformedTokenResponseException("the field '" + name + "' is " + describe(value) + "; "
                + numberFields.get(name));
    }

    private boolean isKnown(String name) {
        return numberFields.containsKey(name) || stringFields.containsKey(name) || listFields.containsKey(name);
    }

    private static String describe(JsonToken t) {
        switch (t) {
            case START_ARRAY: return "a JSON array";
            case START_OBJECT: return "a JSON object";
            case VALUE_STRING: return "a JSON string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT: return "a JSON number";
            case VALUE_TRUE:
            case VALUE_FALSE: return "a JSON boolean";
            case VALUE_NULL: return "JSON null";
            default: return "not a JSON value";
        }
    }

    private static String position(JsonLocation at) {
        return at == null || at.getLineNr() < 0 ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    /** The known fields of one object as sent, after the type checks. Absent and JSON null both read as null. */
    public static final class Fields {
        private final Map<String, String> strings;
        private final Map<String, BigDecimal> numbers;
        private final Map<String, List<String>> lists;

        private Fields(Map<String, String> strings, Map<String, BigDecimal> numbers, Map<String, List<String>> lists) {
            this.strings = strings;
            this.numbers = numbers;
            this.lists = lists;
        }

        public String string(String name) {
            return strings.get(name);
        }

        public BigDecimal number(String name) {
            return numbers.get(name);
        }

        /** A field declared with {@link Builder#lists}: one string reads as a list of one. */
        public List<String> list(String name) {
            return lists.get(name);
        }

        /** Names only: the values may be credentials. */
        @Override
        public String toString() {
            return "Fields{strings=" + strings.keySet() + ", numbers=" + numbers.keySet() + ", lists="
                    + lists.keySet() + "}";
        }
    }

    public static final class Builder {
        private final Map<String, String> stringFields = new HashMap<>();
        private final Map<String, String> numberFields = new HashMap<>();
        private final Map<String, String> listFields = new HashMap<>();

        private Builder() {
        }

        /** @param rule what the message quotes when a field is not a string: "RFC 6749 requires a string" */
        public Builder strings(String rule, String... names) {
            for (String name : names) {
                stringFields.put(name, rule);
            }
            return this;
        }

        /** @param rule what the message quotes when a field is not a number */
        public Builder numbers(String rule, String... names) {
            for (String name : names) {
                numberFields.put(name, rule);
            }
            return this;
        }

        /** @param rule what the message quotes when a field is neither a string nor an array of strings */
        public Builder lists(String rule, String... names) {
            for (String name : names) {
                listFields.put(name, rule);
            }
            return this;
        }

        public JsonObjectReader build() {
            return new JsonObjectReader(this);
        }
    }
}
