package dev.oauthagent.agent.cli.doctor;

import dev.oauthagent.agent.cli.doctor.Finding.Status;
import dev.oauthagent.agent.config.ConfigProblem;
import dev.oauthagent.agent.route.RouteExplanation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What one {@code check} run found: the configuration's problems and warnings, for {@code --url} which client the
 * URL goes to, and each diagnosed client. The overall status is the worst of all: a configuration problem or a
 * failed client is a failure. Immutable.
 */
public final class DoctorReport {
    private final List<ConfigProblem> configProblems;
    private final List<String> configWarnings;
    private final RouteExplanation url;
    private final List<ClientDiagnosis> clients;

    /** @param url the explanation for {@code --url}, or null when not asked */
    public DoctorReport(List<ConfigProblem> configProblems, List<String> configWarnings, RouteExplanation url,
            List<ClientDiagnosis> clients) {
        this.configProblems = Collections.unmodifiableList(new ArrayList<>(configProblems));
        this.configWarnings = Collections.unmodifiableList(new ArrayList<>(configWarnings));
        this.url = url;
        this.clients = Collections.unmodifiableList(new ArrayList<>(clients));
    }

    public List<ConfigProblem> configProblems() {
        return configProblems;
    }

    public List<String> configWarnings() {
        return configWarnings;
    }

    /** Null when {@code --url} was not given. */
    public RouteExplanation url() {
        return url;
    }

    public List<ClientDiagnosis> clients() {
        return clients;
    }

    /** How many clients have a failure. */
    public int failedClients() {
        return countOf(Status.FAIL);
    }

    /** How many clients work but have a warning. */
    public int warnedClients() {
        return countOf(Status.WARN);
    }

    private int countOf(Status status) {
        int count = 0;
        for (ClientDiagnosis client : clients) {
            if (client.status() == status) {
                count++;
            }
        }
        return count;
    }

    /** FAIL for a configuration problem, a failed client or a {@code --url} no client matches. */
    public Status status() {
        if (!configProblems.isEmpty() || failedClients() > 0 || (url != null && url.matchedClient() == null)) {
            return Status.FAIL;
        }
        return warnedClients() > 0 || !configWarnings.isEmpty() ? Status.WARN : Status.OK;
    }
}
