package dev.oauthagent.agent.cli.doctor;

import java.util.Objects;

/**
 * One thing {@code check} found out about a client: what it is, in plain words, and for a problem what to change.
 * {@link #code()} is stable (kebab-case, e.g. {@code issuer-mismatch}) so scripts reading {@code --json} can act on
 * it; the words may improve. Nothing secret may be put in a finding: it is printed as it is.
 */
public final class Finding {
    /** FAIL makes {@code check} exit non-zero; WARN is printed but the client still counts as working. */
    public enum Status { OK, WARN, FAIL }

    private final Status status;
    private final String code;
    private final String summary;
    private final String fix;

    private Finding(Status status, String code, String summary, String fix) {
        this.status = Objects.requireNonNull(status, "status");
        this.code = Objects.requireNonNull(code, "code");
        this.summary = Objects.requireNonNull(summary, "summary");
        this.fix = fix;
    }

    public static Finding ok(String code, String summary) {
        return new Finding(Status.OK, code, summary, null);
    }

    public static Finding warn(String code, String summary, String fix) {
        return new Finding(Status.WARN, code, summary, fix);
    }

    public static Finding fail(String code, String summary, String fix) {
        return new Finding(Status.FAIL, code, summary, fix);
    }

    public Status status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String summary() {
        return summary;
    }

    /** What to change; null for {@link Status#OK} and when the summary says it all. */
    public String fix() {
        return fix;
    }

    @Override
    public String toString() {
        return status + " " + code + ": " + summary + (fix == null ? "" : " (fix: " + fix + ")");
    }
}
