package dev.oauthagent.agent.cli.doctor;

import dev.oauthagent.agent.cli.doctor.Finding.Status;

import java.io.PrintStream;
import java.util.Locale;

/**
 * {@code check}'s output for a person: per client a first line with its state and what sums it up, then every
 * other finding with its code, and the fix under each problem. The first lines keep the form scripts have grepped
 * since before the doctor: {@code client 'orders': OK  token_type=...} and {@code client 'x': FAILED  <why>}.
 */
public final class TextReport {
    private static final String INDENT = "  ";
    private static final String FIX_INDENT = "        ";

    private TextReport() {
    }

    public static void print(ClientDiagnosis client, PrintStream out) {
        Finding headline = client.headline();
        // A problem's code too: docs/doctor.md and docs/troubleshooting.md are searched by it.
        out.println("client '" + client.name() + "': " + label(client) + "  " + headline.summary()
                + (headline.status() == Status.OK ? "" : " [" + headline.code() + "]"));
        if (headline.fix() != null) {
            out.println(FIX_INDENT + "fix: " + headline.fix());
        }
        for (Finding finding : client.findings()) {
            if (finding == headline) {
                continue;
            }
            out.println(INDENT + String.format("%-5s", finding.status().name().toLowerCase(Locale.ROOT)) + " "
                    + finding.code() + ": " + finding.summary());
            if (finding.fix() != null) {
                out.println(FIX_INDENT + "fix: " + finding.fix());
            }
        }
    }

    /** The last line: how many clients work. */
    public static String summary(DoctorReport report) {
        int total = report.clients().size();
        int failed = report.failedClients();
        int warned = report.warnedClients();
        if (failed > 0) {
            return failed + " of " + total + " client(s) FAILED";
        }
        return "all " + total + " client(s) OK" + (warned == 0 ? "" : ", " + warned + " with warnings");
    }

    private static String label(ClientDiagnosis client) {
        if (!client.active()) {
            return "NOT ACTIVE";
        }
        Status status = client.status();
        return status == Status.FAIL ? "FAILED" : status == Status.WARN ? "WARN" : "OK";
    }
}
