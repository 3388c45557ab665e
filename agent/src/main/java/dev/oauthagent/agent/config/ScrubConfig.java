package dev.oauthagent.agent.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The {@code oauth.agent.scrub.*} settings: how the agent keeps secrets out of the application's logs. Immutable. */
public final class ScrubConfig {
    public static final String DEFAULT_REPLACEMENT = "[REDACTED]";
    public static final ScrubConfig DEFAULTS = new ScrubConfig(true, true, Collections.<Secret>emptyList(),
            DEFAULT_REPLACEMENT, false);

    private final boolean enabled;
    private final boolean patterns;
    private final List<Secret> values;
    private final String replacement;
    private final boolean fingerprint;

    public ScrubConfig(boolean enabled, boolean patterns, List<Secret> values, String replacement,
            boolean fingerprint) {
        this.enabled = enabled;
        this.patterns = patterns;
        this.values = Collections.unmodifiableList(new ArrayList<>(values));
        this.replacement = replacement;
        this.fingerprint = fingerprint;
    }

    public boolean enabled() { return enabled; }

    /** Whether the fallback patterns (Bearer, JWT, access_token=...) run besides the exact secrets. */
    public boolean patterns() { return patterns; }

    /** Extra values to scrub (the application's own keys). */
    public List<Secret> values() { return values; }

    public String replacement() { return replacement; }

    /** Whether a replacement carries the secret's fingerprint, {@code [REDACTED:1a2b3c4d]}. */
    public boolean fingerprint() { return fingerprint; }

    @Override
    public String toString() {
        return "ScrubConfig{enabled=" + enabled + ", patterns=" + patterns + ", values=" + values
                + ", replacement=" + replacement + ", fingerprint=" + fingerprint + "}";
    }
}
