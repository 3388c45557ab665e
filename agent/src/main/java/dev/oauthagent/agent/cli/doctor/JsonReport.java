package dev.oauthagent.agent.cli.doctor;

import dev.oauthagent.agent.config.ConfigProblem;
import dev.oauthagent.agent.route.RouteExplanation;

import java.util.List;
import java.util.Locale;

/**
 * {@code check --json}: the whole {@link DoctorReport} as one JSON document, for scripts. The schema is stable
 * (docs/doctor.md): every member is always present, absent values are {@code null} or empty arrays, and statuses
 * are {@code "ok"}, {@code "warn"} or {@code "fail"}. New members may be added; none is renamed or removed.
 */
public final class JsonReport {
    private JsonReport() {
    }

    public static String of(DoctorReport report) {
        JsonWriter json = new JsonWriter().beginObject();
        json.name("status").value(status(report.status()));
        json.name("configProblems").beginArray();
        for (ConfigProblem problem : report.configProblems()) {
            json.beginObject().name("key").value(problem.key()).name("message").value(problem.message()).endObject();
        }
        json.endArray();
        strings(json.name("configWarnings"), report.configWarnings());
        url(json.name("url"), report.url());
        json.name("clients").beginArray();
        for (ClientDiagnosis client : report.clients()) {
            client(json, client);
        }
        return json.endArray().endObject().toString();
    }

    private static void url(JsonWriter json, RouteExplanation url) {
        if (url == null) {
            json.value((String) null);
            return;
        }
        json.beginObject().name("request").value(url.request()).name("client").value(url.matchedClient())
                .name("nearestClient").value(url.nearestClient());
        strings(json.name("differences"), url.differences());
        json.endObject();
    }

    private static void client(JsonWriter json, ClientDiagnosis client) {
        json.beginObject().name("name").value(client.name()).name("status").value(status(client.status()))
                .name("active").value(client.active());
        json.name("findings").beginArray();
        for (Finding finding : client.findings()) {
            json.beginObject().name("status").value(status(finding.status())).name("code").value(finding.code())
                    .name("summary").value(finding.summary()).name("fix").value(finding.fix()).endObject();
        }
        json.endArray().endObject();
    }

    private static void strings(JsonWriter json, List<String> strings) {
        json.beginArray();
        for (String s : strings) {
            json.value(s);
        }
        json.endArray();
    }

    private static String status(Finding.Status status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
