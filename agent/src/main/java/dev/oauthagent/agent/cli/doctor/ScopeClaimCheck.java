package dev.oauthagent.agent.cli.doctor;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.token.ClientMessages;
import dev.oauthagent.agent.token.ServerTextSanitizer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The token's {@code scope} (or {@code scp}) against the configured {@code scopes}. A narrower grant is legal
 * (RFC 6749 §3.3), so a missing scope warns: it explains the 403s of the API calls that need it. Entra ID's
 * {@code <resource>/.default} asks for whatever the client was granted and never appears in a token, so it is
 * not looked for.
 */
final class ScopeClaimCheck {
    private final ClientConfig client;
    private final ClientMessages messages;
    private final ServerTextSanitizer sanitizer;

    ScopeClaimCheck(ClientConfig client, ServerTextSanitizer sanitizer) {
        this.client = client;
        this.messages = new ClientMessages(client);
        this.sanitizer = sanitizer;
    }

    Finding check(Set<String> granted) {
        if (granted == null) {
            return Finding.ok("token-scope", "the token has no scope or scp claim, so the scopes it carries"
                    + " cannot be compared with " + messages.key("scopes") + " here");
        }
        String carried = granted.isEmpty() ? "no scopes" : "scope '" + sanitizer.sanitize(String.join(" ", granted))
                + "'";
        Set<String> missing = new LinkedHashSet<>();
        for (String requested : client.scopes()) {
            if (!requested.endsWith("/.default") && !granted.contains(requested)) {
                missing.add(requested);
            }
        }
        if (missing.isEmpty()) {
            return Finding.ok("token-scope", "the token has " + carried);
        }
        List<String> names = new ArrayList<>(missing);
        return Finding.warn("token-scope-missing", "the token has " + carried + ", without the requested '"
                + String.join(" ", names) + "'", "API calls that need them are refused (403): let this client have"
                + " them on the authorization server, or drop them from " + messages.key("scopes"));
    }
}
