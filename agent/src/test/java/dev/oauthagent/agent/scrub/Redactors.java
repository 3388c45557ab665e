package dev.oauthagent.agent.scrub;

import java.util.Arrays;

/** Redactors over a fixed set of secrets, for tests. */
final class Redactors {
    private Redactors() {
    }

    /** Exact matching of these secrets only, fallback patterns off. */
    static Redactor exact(String... secrets) {
        SecretSet set = SecretSet.of(Arrays.asList(secrets));
        return new Redactor(() -> set, false, new Replacement(Replacement.DEFAULT, false));
    }

    /** These secrets and the fallback patterns. */
    static Redactor withPatterns(String... secrets) {
        SecretSet set = SecretSet.of(Arrays.asList(secrets));
        return new Redactor(() -> set, true, new Replacement(Replacement.DEFAULT, false));
    }

    static Redactor withFingerprints(String... secrets) {
        SecretSet set = SecretSet.of(Arrays.asList(secrets));
        return new Redactor(() -> set, true, new Replacement(Replacement.DEFAULT, true));
    }
}
