package dev.oauthagent.agent.cli.doctor;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the deployment environment a name is marked with ("billing-stg" is staging, "auth.prod.example.com" is
 * production), so a refused client whose id and server name different environments can be called what it most
 * likely is: a client of one environment sent to the server of another. A heuristic: only whole words count
 * (split at anything not a letter or digit), so "latest" or "product" mark nothing.
 */
final class EnvironmentMarkers {
    private static final Map<String, String> WORDS = new LinkedHashMap<>();

    static {
        for (String w : new String[] {"staging", "stage", "stg"}) {
            WORDS.put(w, "staging");
        }
        for (String w : new String[] {"dev", "develop", "development"}) {
            WORDS.put(w, "dev");
        }
        for (String w : new String[] {"test", "tst", "testing"}) {
            WORDS.put(w, "test");
        }
        WORDS.put("qa", "qa");
        WORDS.put("uat", "uat");
        for (String w : new String[] {"sandbox", "sbx"}) {
            WORDS.put(w, "sandbox");
        }
        for (String w : new String[] {"prod", "production", "prd", "live"}) {
            WORDS.put(w, "production");
        }
        for (String w : new String[] {"preprod", "preproduction"}) {
            WORDS.put(w, "preprod");
        }
    }

    private EnvironmentMarkers() {
    }

    /** The environment {@code name} is marked with, as a word it holds and what it means; null when none or two. */
    static Marker of(String name) {
        if (name == null) {
            return null;
        }
        Marker found = null;
        for (String word : name.toLowerCase(Locale.ROOT).replace("pre-prod", "preprod").split("[^a-z0-9]+")) {
            String environment = WORDS.get(word);
            if (environment == null) {
                continue;
            }
            if (found != null && !found.environment.equals(environment)) {
                return null; // "stg-to-prod": no single environment
            }
            found = new Marker(word, environment);
        }
        return found;
    }

    /** The environment {@code name} is marked with ("production", "staging", ...); null when none or two. */
    static String environmentOf(String name) {
        Marker marker = of(name);
        return marker == null ? null : marker.environment;
    }

    /** One environment word found in a name. */
    static final class Marker {
        final String word;
        final String environment;

        Marker(String word, String environment) {
            this.word = word;
            this.environment = environment;
        }

        boolean sameEnvironment(Marker other) {
            return environment.equals(other.environment);
        }
    }
}
