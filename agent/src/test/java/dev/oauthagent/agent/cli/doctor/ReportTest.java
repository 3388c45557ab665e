package dev.oauthagent.agent.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.agent.cli.doctor.Finding.Status;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The text a person reads and the JSON a script reads, from the same {@link DoctorReport}. */
class ReportTest {
    private static final Finding FETCHED = Finding.ok("token-fetched", "token_type=Bearer  fingerprint=0a1b2c3d");
    private static final Finding OVERLAP = Finding.warn("route-overlap", "clients 'a' and 'b' can both match",
            "narrow the routes");
    private static final Finding REFUSED = Finding.fail("token-request-failed", "invalid_client (401)",
            "check client-id and client-secret");

    private static String text(ClientDiagnosis client) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TextReport.print(client, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aWorkingClientsFirstLineIsTheTokenOutcomeAndTheOtherFindingsFollowWithTheirCodesAndFixes() {
        ClientDiagnosis client = new ClientDiagnosis("a", FETCHED, List.of(Finding.ok("routes", "to api.example.com"),
                FETCHED, OVERLAP));

        assertThat(client.status()).isEqualTo(Status.WARN);
        assertThat(text(client)).isEqualTo(String.join(System.lineSeparator(),
                "client 'a': WARN  token_type=Bearer  fingerprint=0a1b2c3d",
                "  ok    routes: to api.example.com",
                "  warn  route-overlap: clients 'a' and 'b' can both match",
                "        fix: narrow the routes", ""));
    }

    @Test
    void aFailedClientsFirstLineIsItsFirstFailureWithTheFixUnderIt() {
        ClientDiagnosis client = new ClientDiagnosis("a", REFUSED, List.of(Finding.ok("routes", "to api"), REFUSED));

        assertThat(text(client)).isEqualTo(String.join(System.lineSeparator(),
                "client 'a': FAILED  invalid_client (401) [token-request-failed]",
                "        fix: check client-id and client-secret",
                "  ok    routes: to api", ""));
    }

    @Test
    void theSummaryLineCountsFailedAndWarnedClientsAndTheStatusIsTheWorst() {
        ClientDiagnosis ok = new ClientDiagnosis("ok", FETCHED, List.of(FETCHED));
        ClientDiagnosis warned = new ClientDiagnosis("warned", FETCHED, List.of(FETCHED, OVERLAP));
        ClientDiagnosis failed = new ClientDiagnosis("failed", REFUSED, List.of(REFUSED));

        DoctorReport allOk = new DoctorReport(List.of(), List.of(), null, List.of(ok, warned));
        DoctorReport oneFailed = new DoctorReport(List.of(), List.of(), null, List.of(ok, warned, failed,
                ClientDiagnosis.inactive("off")));

        assertThat(TextReport.summary(allOk)).isEqualTo("all 2 client(s) OK, 1 with warnings");
        assertThat(allOk.status()).isEqualTo(Status.WARN);
        assertThat(TextReport.summary(oneFailed)).isEqualTo("2 of 4 client(s) FAILED");
        assertThat(oneFailed.status()).isEqualTo(Status.FAIL);
        assertThat(text(ClientDiagnosis.inactive("off"))).startsWith("client 'off': NOT ACTIVE  a configuration"
                + " problem (printed on stderr) keeps it from running");
    }

    @Test
    void theJsonDocumentHasEveryMemberWithLowerCaseStatusesAndNullForWhatIsAbsent() {
        ClientDiagnosis warned = new ClientDiagnosis("a", FETCHED, List.of(FETCHED, OVERLAP));

        String json = JsonReport.of(new DoctorReport(List.of(), List.of("a \"quoted\" warning"), null,
                List.of(warned, ClientDiagnosis.inactive("off"))));

        assertThat(json).isEqualTo("{\"status\":\"fail\",\"configProblems\":[],"
                + "\"configWarnings\":[\"a \\\"quoted\\\" warning\"],\"url\":null,\"clients\":["
                + "{\"name\":\"a\",\"status\":\"warn\",\"active\":true,\"findings\":["
                + "{\"status\":\"ok\",\"code\":\"token-fetched\","
                + "\"summary\":\"token_type=Bearer  fingerprint=0a1b2c3d\",\"fix\":null},"
                + "{\"status\":\"warn\",\"code\":\"route-overlap\",\"summary\":\"clients 'a' and 'b' can both match\","
                + "\"fix\":\"narrow the routes\"}]},"
                + "{\"name\":\"off\",\"status\":\"fail\",\"active\":false,\"findings\":["
                + "{\"status\":\"fail\",\"code\":\"client-not-active\","
                + "\"summary\":\"a configuration problem (printed on stderr) keeps it from running\","
                + "\"fix\":\"fix the configuration problems reported for this client; the agent runs every other"
                + " client without it\"}]}]}");
    }
}
