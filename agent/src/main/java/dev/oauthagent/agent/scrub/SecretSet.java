package dev.oauthagent.agent.scrub;

import dev.oauthagent.agent.token.Fingerprint;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An immutable set of live secrets compiled for matching: every secret in every {@link SecretForms form},
 * with truncated prefixes of {@link #PREFIX_LENGTH} or more characters. Built off the hot path (at start-up and
 * when a token arrives) and swapped in whole, so a scanning thread sees one consistent set.
 */
final class SecretSet {
    /** A run of this many leading characters of a secret is redacted as if it were the whole secret. */
    static final int PREFIX_LENGTH = 16;
    /** Shorter values are not scrubbed: a 3-character "secret" would redact ordinary words everywhere. */
    static final int MIN_LENGTH = 6;

    static final SecretSet EMPTY = of(Collections.<String>emptyList());

    private final SecretAutomaton automaton;
    private final CandidateFilter filter;
    private final String[] secrets;
    private final String[] fingerprints;

    private SecretSet(SecretAutomaton automaton, CandidateFilter filter, String[] secrets) {
        this.automaton = automaton;
        this.filter = filter;
        this.secrets = secrets;
        this.fingerprints = new String[secrets.length];
    }

    /** Values shorter than {@link #MIN_LENGTH} are left out (see {@link #isScrubbable}). */
    static SecretSet of(List<String> secrets) {
        List<String> kept = new ArrayList<>();
        for (String s : secrets) {
            if (isScrubbable(s) && !kept.contains(s)) {
                kept.add(s);
            }
        }
        List<String> patterns = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        for (int id = 0; id < kept.size(); id++) {
            for (String form : SecretForms.of(kept.get(id))) {
                patterns.add(form);
                ids.add(id);
            }
        }
        int[] idArray = new int[ids.size()];
        for (int i = 0; i < idArray.length; i++) {
            idArray[i] = ids.get(i);
        }
        return new SecretSet(SecretAutomaton.build(patterns, idArray, PREFIX_LENGTH, false),
                CandidateFilter.of(patterns, CredentialPatterns.KEYWORDS), kept.toArray(new String[0]));
    }

    static boolean isScrubbable(String secret) {
        return secret != null && secret.length() >= MIN_LENGTH;
    }

    SecretAutomaton automaton() {
        return automaton;
    }

    /** Where a secret of this set, or a fallback pattern's keyword, may begin: a clean line is done after it. */
    CandidateFilter filter() {
        return filter;
    }

    int size() {
        return secrets.length;
    }

    /** The fingerprint of secret {@code id} ({@link Fingerprint}: the one its token's log lines show). */
    String fingerprint(int id) {
        String f = fingerprints[id];
        if (f == null) {
            f = Fingerprint.of(secrets[id]); // racy but idempotent: two threads compute the same string
            fingerprints[id] = f;
        }
        return f;
    }

    @Override
    public String toString() {
        return "SecretSet{" + secrets.length + " secrets, " + automaton.states() + " states}";
    }
}
