package dev.oauthagent.e2e.scrub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oauthagent.e2e.support.SecretForms;
import dev.oauthagent.testapps.leaky.LeakyLines;
import dev.oauthagent.testapps.leaky.LeakySecrets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scrub contract's whole-line check, fed the real leak texts and lines scrubbed well, cut or left unscrubbed. */
class LeakLineCheckTest {
    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJwb3N0LWNsaWVudCJ9.c2lnbmF0dXJlLW9mLWEtdG9rZW4";
    private static final String CLIENT_ID = "post-client";
    private static final String SECRET = "post/secret+with=odd&chars%";
    private static final LeakySecrets LEAKED = LeakySecrets.of(TOKEN, CLIENT_ID, SECRET);
    private static final Map<String, String> TEXTS = LeakyLines.leakTexts(LEAKED);
    private static final LeakLineCheck CHECK = new LeakLineCheck(TEXTS, Map.of("access token", TOKEN,
            "client secret", SECRET, "Basic value", SecretForms.basicValue(CLIENT_ID, SECRET)));

    @Test
    void everyLeakLoggedWholeWithEachSecretReplacedPasses() {
        StringBuilder log = new StringBuilder();
        TEXTS.forEach((name, text) -> log.append("12:00:00 INFO app - ").append(scrubbed(text)).append(" [mdc]\n"));

        for (String leak : LeakyLines.leakNames()) {
            assertThat(CHECK.problems(leak, Map.of("app.log", log.toString()))).as(leak).isEmpty();
        }
    }

    @Test
    void aLineCutRightAfterItsMarkerIsReportedThoughTheNextLineHoldsAReplacement() {
        String log = "INFO LEAK secret-plain:\n"
                + "INFO " + scrubbed(TEXTS.get("token-plain")) + "\n";

        assertThat(CHECK.problems("secret-plain", Map.of("app.log", log))).singleElement().asString()
                .contains("app.log line 1", "'LEAK secret-plain:'", "not the whole leak text");
        assertThat(CHECK.problems("token-plain", Map.of("app.log", log))).isEmpty();
    }

    @Test
    void aLineCutAfterItsReplacementIsReported() {
        String json = scrubbed(TEXTS.get("token-json"));
        String cut = json.substring(0, json.indexOf("[REDACTED]") + "[REDACTED]".length());

        assertThat(CHECK.problems("token-json", Map.of("stdout", cut + "\n"))).hasSize(1);
    }

    @Test
    void everyPlaceTheMarkerIsMustHoldTheWholeTextNotJustOne() {
        String whole = scrubbed(TEXTS.get("basic-header"));
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("stdout", whole + "\n");
        outputs.put("app.log", "x\n" + whole.substring(0, whole.length() - 4) + "\n");

        assertThat(CHECK.problems("basic-header", outputs)).singleElement().asString().startsWith("app.log line 2:");
    }

    @Test
    void aMultiLineLeakPassesWithItsLineBreaksOrJsonEscapedOnOneLineAndFailsSplitElsewhere() {
        String text = scrubbed(TEXTS.get("token-multiline"));
        String jsonEscaped = text.replace("\n", "\\n");

        assertThat(CHECK.problems("token-multiline", Map.of("stdout", text + "\n"))).isEmpty();
        assertThat(CHECK.problems("token-multiline", Map.of("app.json", "{\"message\":\"" + jsonEscaped + "\"}\n")))
                .isEmpty();
        assertThat(CHECK.problems("token-multiline", Map.of("stdout", text.replace("X-Token: ", "X-Token:\n"))))
                .hasSize(1);
    }

    @Test
    void escapedTextAsJsonAndXmlLayoutsWriteItPasses() {
        String form = scrubbed(TEXTS.get("secret-form"));
        String json = scrubbed(TEXTS.get("token-json")).replace("\"", "\\\"");

        assertThat(CHECK.problems("secret-form", Map.of("jul.xml", "<message>" + form.replace("&", "&amp;")
                + "</message>\n"))).isEmpty();
        assertThat(CHECK.problems("token-json", Map.of("app.json", "{\"message\":\"" + json + "\"}\n"))).isEmpty();
    }

    @Test
    void theFingerprintReplacementCountsAsAReplacement() {
        String line = TEXTS.get("token-plain").replace(TOKEN, "[REDACTED:1a2b3c4d]");

        assertThat(CHECK.problems("token-plain", Map.of("stdout", line + "\n"))).isEmpty();
    }

    @Test
    void aLineWithItsSecretLeftInIsReportedWithTheSecretMasked() {
        String leaky = TEXTS.get("secret-form");

        List<String> problems = CHECK.problems("secret-form", Map.of("stdout", leaky + "\n"));

        assertThat(problems).singleElement().asString().contains("<secret>")
                .doesNotContain(SECRET).doesNotContain(SecretForms.of(SECRET).get("form-encoded"));
    }

    @Test
    void aLeakFoundNowhereIsReported() {
        assertThat(CHECK.problems("huge-line", Map.of("stdout", "CLEAN 1: nothing\n"))).singleElement().asString()
                .contains("'LEAK huge-line:' is in no output (stdout)");
    }

    @Test
    void anUnknownLeakNameIsAnError() {
        assertThatThrownBy(() -> CHECK.problems("no-such-leak", Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    /** What the agent makes of a leak text: each form of each secret replaced, longest first. */
    private static String scrubbed(String text) {
        String out = text;
        for (String secret : List.of(SecretForms.basicValue(CLIENT_ID, SECRET), TOKEN, SECRET)) {
            for (String form : SecretForms.of(secret).values()) {
                out = out.replace(form, "[REDACTED]");
            }
        }
        return out;
    }
}
