package dev.oauthagent.agent.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Reads and validates the {@code oauth.agent.scrub.*} keys into a {@link ScrubConfig}, reporting every problem. */
final class ScrubConfigReader {
    /**
     * Words that make the fallback patterns look at a line (see scrub.CredentialPatterns.KEYWORDS, which a test
     * keeps equal to this): a replacement containing one could be taken for a credential, or hide one.
     */
    static final List<String> CREDENTIAL_WORDS = Collections.unmodifiableList(Arrays.asList(
            "authorization", "bearer", "basic", "dpop", "eyj", "access_token", "refresh_token", "id_token",
            "client_secret", "client_assertion", "assertion"));
    /** A run of letters and digits this long in a replacement looks like a token. */
    static final int TOKEN_LIKE_RUN = 16;

    private final Settings settings;
    private final SecretReferences references;
    private final ProblemList problems;

    private ScrubConfigReader(Settings settings, SecretReferences references, ProblemList problems) {
        this.settings = settings;
        this.references = references;
        this.problems = problems;
    }

    /**
     * Never null: an invalid key is reported and takes its default, the most protective setting, so that a typo
     * never turns scrubbing off (and an entry of scrub.values that cannot be resolved leaves the others).
     */
    static ScrubConfig read(Settings settings, SecretReferences references, ProblemList problems) {
        return new ScrubConfigReader(settings, references, problems).read();
    }

    private ScrubConfig read() {
        boolean enabled = orDefault(KnownKeys.SCRUB_ENABLED);
        boolean patterns = orDefault(KnownKeys.SCRUB_PATTERNS);
        boolean fingerprint = orDefault(KnownKeys.SCRUB_FINGERPRINT);
        String replacement = replacement();
        return new ScrubConfig(enabled, patterns, values(), replacement == null
                ? KnownKeys.SCRUB_REPLACEMENT.defaultValue() : replacement, fingerprint);
    }

    private boolean orDefault(KnownKey key) {
        Boolean value = ConfigLoader.global(settings, key, ValueParsers.BOOLEAN, problems);
        return value != null ? value : Boolean.parseBoolean(key.defaultValue());
    }

    private String replacement() {
        String key = KnownKeys.SCRUB_REPLACEMENT.fullKey(null);
        SourcedValue v = settings.get(key);
        if (v == null) {
            return KnownKeys.SCRUB_REPLACEMENT.defaultValue();
        }
        String problem = replacementProblem(v.value);
        if (problem != null) {
            problems.add(key, problem + " (from " + v.origin + "); remove the key for the default "
                    + KnownKeys.SCRUB_REPLACEMENT.defaultValue() + ", or write a marker such as [HIDDEN]");
            return null;
        }
        return v.value;
    }

    /** Why a replacement cannot be used, or null. Never repeats the value: a user may have pasted a secret. */
    static String replacementProblem(String replacement) {
        if (replacement.isEmpty()) {
            return "is empty, so secrets would vanish without a trace in the log";
        }
        for (int i = 0; i < replacement.length(); i++) {
            char c = replacement.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return "must be printable ASCII (it is written into byte streams of any ASCII-compatible encoding)";
            }
        }
        String lower = replacement.toLowerCase(Locale.ROOT);
        for (String word : CREDENTIAL_WORDS) {
            if (lower.contains(word)) {
                return "contains '" + word + "', which the fallback patterns take for the start of a credential";
            }
        }
        int run = 0;
        for (int i = 0; i < replacement.length(); i++) {
            run = Character.isLetterOrDigit(replacement.charAt(i)) ? run + 1 : 0;
            if (run >= TOKEN_LIKE_RUN) {
                return "has " + TOKEN_LIKE_RUN + " or more letters and digits in a row, which looks like a token";
            }
        }
        return null;
    }

    private List<Secret> values() {
        String key = KnownKeys.SCRUB_VALUES.fullKey(null);
        SourcedValue v = settings.get(key);
        if (v == null || v.value.isEmpty()) {
            return Collections.emptyList();
        }
        List<Secret> values = new ArrayList<>();
        int entry = 0;
        int start = 0;
        for (int i = 0; i <= v.value.length(); i++) {
            if (i < v.value.length() && v.value.charAt(i) != ',') {
                continue;
            }
            entry++;
            String raw = v.value.substring(start, i).trim();
            start = i + 1;
            if (raw.isEmpty()) {
                problems.add(key, "entry " + entry + " is empty (from " + v.origin + "); remove the extra comma");
                continue;
            }
            try {
                Secret s = references.resolve(raw, v.origin);
                if (s.isEmpty()) {
                    problems.add(key, "entry " + entry + " is empty (from " + s.origin() + "); set a value or "
                            + "remove the entry");
                } else {
                    values.add(s);
                }
            } catch (InvalidValueException e) {
                problems.add(key, "entry " + entry + " " + e.getMessage());
            }
        }
        return values;
    }
}
