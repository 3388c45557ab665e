package dev.oauthagent.agent.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects problems while loading, so that every problem is reported at once instead of the first. */
final class ProblemList {
    private final List<ConfigProblem> problems = new ArrayList<>();

    void add(String key, String message) {
        problems.add(new ConfigProblem(key, message));
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    int size() {
        return problems.size();
    }

    List<ConfigProblem> list() {
        return Collections.unmodifiableList(new ArrayList<>(problems));
    }
}
