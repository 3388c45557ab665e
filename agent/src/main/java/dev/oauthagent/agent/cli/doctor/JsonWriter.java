package dev.oauthagent.agent.cli.doctor;

/**
 * Writes one JSON document into a string, escaping every string as RFC 8259 §7 requires (quote, backslash and
 * control characters; {@code <}, {@code >}, {@code &}, U+2028 and U+2029 too, so the text is safe to paste into
 * HTML or JavaScript). Commas are placed by the writer; the caller only opens, names and closes. Not thread-safe.
 */
final class JsonWriter {
    private final StringBuilder out = new StringBuilder();
    /** Whether the next value in the current object or array needs a comma before it. */
    private boolean needsComma;

    JsonWriter beginObject() {
        separate();
        out.append('{');
        needsComma = false;
        return this;
    }

    JsonWriter endObject() {
        out.append('}');
        needsComma = true;
        return this;
    }

    JsonWriter beginArray() {
        separate();
        out.append('[');
        needsComma = false;
        return this;
    }

    JsonWriter endArray() {
        out.append(']');
        needsComma = true;
        return this;
    }

    /** The name of the next member of the current object. */
    JsonWriter name(String name) {
        separate();
        string(name);
        out.append(':');
        needsComma = false;
        return this;
    }

    /** A string, or null. */
    JsonWriter value(String value) {
        separate();
        if (value == null) {
            out.append("null");
        } else {
            string(value);
        }
        needsComma = true;
        return this;
    }

    JsonWriter value(long value) {
        separate();
        out.append(value);
        needsComma = true;
        return this;
    }

    JsonWriter value(boolean value) {
        separate();
        out.append(value);
        needsComma = true;
        return this;
    }

    private void separate() {
        if (needsComma) {
            out.append(',');
        }
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                default:
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
