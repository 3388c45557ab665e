package dev.oauthagent.agent.cli.doctor;

import dev.oauthagent.agent.cli.doctor.Finding.Status;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Everything {@code check} found out about one client, in the order it was found, and the one finding that sums
 * it up on the client's first line: the first failure, else the outcome of its token request. Immutable.
 */
public final class ClientDiagnosis {
    private final String name;
    private final boolean active;
    private final Finding outcome;
    private final List<Finding> findings;

    /**
     * @param outcome  the finding that says how the client's token request went; one of {@code findings}
     * @param findings every finding, {@code outcome} included
     */
    public ClientDiagnosis(String name, Finding outcome, List<Finding> findings) {
        this(name, true, outcome, findings);
    }

    private ClientDiagnosis(String name, boolean active, Finding outcome, List<Finding> findings) {
        this.name = name;
        this.active = active;
        this.outcome = outcome;
        this.findings = Collections.unmodifiableList(new ArrayList<>(findings));
    }

    /** A client a configuration problem keeps from running: as the agent would, {@code check} does not ask for it. */
    public static ClientDiagnosis inactive(String name) {
        Finding notActive = Finding.fail("client-not-active", "a configuration problem (printed on stderr) keeps it"
                + " from running", "fix the configuration problems reported for this client; the agent runs every"
                + " other client without it");
        return new ClientDiagnosis(name, false, notActive, Collections.singletonList(notActive));
    }

    public String name() {
        return name;
    }

    /** False when a configuration problem keeps the client from running. */
    public boolean active() {
        return active;
    }

    public List<Finding> findings() {
        return findings;
    }

    /** The worst status among the findings. */
    public Status status() {
        Status worst = Status.OK;
        for (Finding finding : findings) {
            if (finding.status().compareTo(worst) > 0) {
                worst = finding.status();
            }
        }
        return worst;
    }

    /** The finding for the client's first line: the first failure, else the token request's outcome. */
    public Finding headline() {
        for (Finding finding : findings) {
            if (finding.status() == Status.FAIL) {
                return finding;
            }
        }
        return outcome;
    }

    @Override
    public String toString() {
        return "ClientDiagnosis{" + name + " " + status() + " " + findings + "}";
    }
}
