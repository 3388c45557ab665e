package dev.oauthagent.e2e.scrub;

import dev.oauthagent.e2e.support.SecretForms;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Whether each leak line reached the log whole, with its secrets replaced. Wherever a leak's marker
 * ({@code LEAK <name>:}) is found, the leak's entire text must follow it: every secret in it replaced by one
 * replacement ({@code [REDACTED]}, or {@code [REDACTED:<fingerprint>]}) and nothing else changed, with no line
 * break the text does not have. So a line cut right after its marker (or anywhere later) is reported, whatever
 * its neighbours hold. The text may be escaped as a JSON or XML layout writes it. A layout's own decoration around
 * the text (time stamp, level, closing quote) is not checked.
 */
final class LeakLineCheck {
    /** A replacement as the agent writes one: this, up to the next "]" on the same line. */
    private static final String REPLACEMENT_START = "[REDACTED";
    private static final char SECRET = '\u0000';
    private static final int SHOWN_CHARS = 160;
    /** How layouts write a message: as is, JSON-escaped (with or without "\/"), XML-escaped. */
    private static final List<UnaryOperator<String>> ESCAPINGS = List.of(
            text -> text,
            LeakLineCheck::jsonEscaped,
            text -> jsonEscaped(text).replace("/", "\\/"),
            text -> text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));

    /** Per leak, per escaping: the text's pieces between its secrets, each to be found literally. */
    private final Map<String, Set<List<String>>> expected = new LinkedHashMap<>();
    private final List<String> secretFormsLongestFirst = new ArrayList<>();

    /**
     * @param leakTexts each leak's text as the app logged it, by leak name
     * @param secrets   every secret the texts hold, label to value; each is replaced in every form
     *                  {@link SecretForms} knows
     */
    LeakLineCheck(Map<String, String> leakTexts, Map<String, String> secrets) {
        secrets.values().forEach(secret -> secretFormsLongestFirst.addAll(SecretForms.of(secret).values()));
        secretFormsLongestFirst.sort(Comparator.comparingInt(String::length).reversed());
        leakTexts.forEach((name, text) -> expected.put(name, escapedPieces(text)));
    }

    /**
     * What is wrong with leak {@code name} in {@code outputs} (where to text): each place its marker is found
     * without its whole text after it, or that it is found nowhere. Empty when all is well. Lines are shown with
     * every secret masked.
     */
    List<String> problems(String name, Map<String, String> outputs) {
        Set<List<String>> variants = expected.get(name);
        if (variants == null) {
            throw new IllegalArgumentException("no leak named '" + name + "'");
        }
        String marker = marker(name);
        List<String> problems = new ArrayList<>();
        int found = 0;
        for (Map.Entry<String, String> output : outputs.entrySet()) {
            String text = output.getValue();
            for (int at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + marker.length())) {
                found++;
                if (!wholeAt(text, at, variants)) {
                    problems.add(output.getKey() + " line " + lineNumber(text, at) + ": '" + shown(text, at)
                            + "' is not the whole leak text with its secrets replaced");
                }
            }
        }
        if (found == 0) {
            problems.add("'" + marker + "' is in no output (" + String.join(", ", outputs.keySet()) + ")");
        }
        return problems;
    }

    private static String marker(String name) {
        return "LEAK " + name + ":";
    }

    private static boolean wholeAt(String text, int at, Set<List<String>> variants) {
        for (List<String> pieces : variants) {
            if (piecesAt(text, at, pieces)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the pieces follow each other from {@code at}, with exactly one replacement between two. */
    private static boolean piecesAt(String text, int at, List<String> pieces) {
        int position = at;
        for (int i = 0; i < pieces.size(); i++) {
            if (i > 0) {
                position = afterReplacement(text, position);
                if (position < 0) {
                    return false;
                }
            }
            if (!text.startsWith(pieces.get(i), position)) {
                return false;
            }
            position += pieces.get(i).length();
        }
        return true;
    }

    /** Where the replacement at {@code position} ends, or -1 if there is none (or it is not closed on its line). */
    private static int afterReplacement(String text, int position) {
        if (!text.startsWith(REPLACEMENT_START, position)) {
            return -1;
        }
        for (int i = position + REPLACEMENT_START.length(); i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ']') {
                return i + 1;
            }
            if (c == '\n' || c == '\r') {
                return -1;
            }
        }
        return -1;
    }

    /** The text's pieces between its secrets, once per escaping (escapings that change nothing count once). */
    private Set<List<String>> escapedPieces(String leakText) {
        String[] pieces = withSecretsMarked(leakText).split(String.valueOf(SECRET), -1);
        Set<List<String>> variants = new LinkedHashSet<>();
        for (UnaryOperator<String> escaping : ESCAPINGS) {
            variants.add(Arrays.stream(pieces).map(escaping).toList());
        }
        return variants;
    }

    private String withSecretsMarked(String text) {
        String marked = text;
        for (String form : secretFormsLongestFirst) {
            marked = marked.replace(form, String.valueOf(SECRET));
        }
        return marked;
    }

    /**
     * The line from the marker on, cut short, every secret masked (test output must not hold one): masked over a
     * window that holds whole any secret that starts in the part shown.
     */
    private String shown(String text, int at) {
        int end = text.indexOf('\n', at);
        int longest = secretFormsLongestFirst.isEmpty() ? 0 : secretFormsLongestFirst.get(0).length();
        String masked = text.substring(at, Math.min(end < 0 ? text.length() : end, at + SHOWN_CHARS + longest));
        for (String form : secretFormsLongestFirst) {
            masked = masked.replace(form, "<secret>");
        }
        return masked.length() <= SHOWN_CHARS ? masked : masked.substring(0, SHOWN_CHARS) + "...";
    }

    private static long lineNumber(String text, int offset) {
        return text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    private static String jsonEscaped(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r")
                .replace("\t", "\\t");
    }
}
