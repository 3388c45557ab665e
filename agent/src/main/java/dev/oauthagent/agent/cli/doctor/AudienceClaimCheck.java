package dev.oauthagent.agent.cli.doctor;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.token.ClientMessages;
import dev.oauthagent.agent.token.ServerTextSanitizer;

import java.util.ArrayList;
import java.util.List;

/**
 * The token's {@code aud} against the configured {@code audience} and {@code resource}s: an API checks that it
 * is named there, and refuses the token (401) otherwise. With neither configured, says which audience the
 * token has, for the user to compare with the one the API expects.
 */
final class AudienceClaimCheck {
    private final ClientConfig client;
    private final ClientMessages messages;
    private final ServerTextSanitizer sanitizer;

    AudienceClaimCheck(ClientConfig client, ServerTextSanitizer sanitizer) {
        this.client = client;
        this.messages = new ClientMessages(client);
        this.sanitizer = sanitizer;
    }

    Finding check(List<String> aud) {
        List<String> has = aud == null ? new ArrayList<String>() : aud;
        String carried = has.isEmpty() ? "no audience (no aud claim)" : "audience " + shown(has);
        List<String> expected = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        if (client.audience() != null) {
            expected.add(client.audience());
            keys.add(messages.key("audience"));
        }
        if (!client.resources().isEmpty()) {
            expected.addAll(client.resources());
            keys.add(messages.key("resource"));
        }
        if (expected.isEmpty()) {
            return Finding.ok("token-audience", "the token has " + carried + "; neither audience nor resource is"
                    + " configured: the API must expect this one");
        }
        List<String> missing = new ArrayList<>(expected);
        missing.removeAll(has);
        if (missing.isEmpty()) {
            return Finding.ok("token-audience", "the token has " + carried + ", as configured");
        }
        return Finding.fail("token-audience-missing", "the token has " + carried + ", without " + shown(missing)
                + " configured in " + String.join(" and ", keys), "an API that expects " + shown(missing)
                + " refuses this token: allow this client that audience on the authorization server (grant it the"
                + " API, or map the requested audience/resource into aud), or make " + String.join(" or ", keys)
                + " exactly what the API expects");
    }

    private String shown(List<String> values) {
        List<String> quoted = new ArrayList<>();
        for (String value : values) {
            quoted.add("'" + sanitizer.sanitize(value) + "'");
        }
        return String.join(", ", quoted);
    }
}
