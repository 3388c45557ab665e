package dev.oauthagent.agent.cli.doctor;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.token.ClientMessages;
import dev.oauthagent.agent.token.ServerTextSanitizer;

import java.net.URI;
import java.util.Objects;

/**
 * The token's {@code iss} against the configuration: equal to {@code issuer} when one is configured (RFC 8414
 * §3.3 compares exactly, and so do APIs); else on {@code token-url}'s host. Another host alone only warns,
 * since some providers sign under another host than their token endpoint (Amazon Cognito, Entra ID v1 tokens);
 * another environment named in the URL (staging against prod) fails: the API of one refuses the other's tokens.
 */
final class IssuerClaimCheck {
    private final ClientConfig client;
    private final ClientMessages messages;
    private final ServerTextSanitizer sanitizer;

    IssuerClaimCheck(ClientConfig client, ServerTextSanitizer sanitizer) {
        this.client = client;
        this.messages = new ClientMessages(client);
        this.sanitizer = sanitizer;
    }

    Finding check(String iss) {
        if (iss == null) {
            return Finding.warn("token-issuer-missing", "the token has no iss claim", "an API that validates the"
                    + " issuer refuses it; check the authorization server's token settings");
        }
        String shown = "'" + sanitizer.sanitize(iss) + "'";
        if (client.issuer() != null) {
            String configured = client.issuer().toString();
            return iss.equals(configured) ? Finding.ok("token-issuer", "issued by " + shown + ", the configured issuer")
                    : Finding.fail("token-issuer-mismatch", "the token's issuer is " + shown + ", not the configured "
                            + "issuer '" + configured + "'" + environmentNote(iss, configured), "an API that trusts '"
                            + configured + "' refuses these tokens: make " + messages.key("issuer") + " the"
                            + " server (and tenant, realm, environment) the API trusts, or fix the issuer the"
                            + " authorization server signs its tokens with");
        }
        URI tokenUrl = client.tokenUrl();
        String configured = tokenUrl.getScheme() + "://" + tokenUrl.getAuthority();
        if (!Objects.equals(EnvironmentMarkers.environmentOf(iss),
                EnvironmentMarkers.environmentOf(tokenUrl.toString()))) {
            return Finding.fail("token-issuer-environment", "the token's issuer is " + shown + ", of another"
                    + " environment than " + messages.key("token-url") + " (" + configured + ")"
                    + environmentNote(iss, tokenUrl.toString()), "the API of one environment refuses the other's"
                    + " tokens: make " + messages.key("token-url") + " and client-id those of the environment the"
                    + " API runs in");
        }
        if (!sameHost(iss, tokenUrl)) {
            return Finding.warn("token-issuer-host", "the token's issuer is " + shown + ", not on "
                    + messages.key("token-url") + "'s host (" + configured + ")", "nothing, if the API trusts "
                    + shown + " (some providers sign under another host than their token endpoint); else "
                    + messages.key("token-url") + " points at another server than the one the API trusts");
        }
        return Finding.ok("token-issuer", "issued by " + shown + ", on " + messages.key("token-url") + "'s host");
    }

    private static boolean sameHost(String iss, URI tokenUrl) {
        try {
            String host = new URI(iss).getHost();
            return host != null && host.equalsIgnoreCase(tokenUrl.getHost());
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String environmentNote(String iss, String configured) {
        String token = EnvironmentMarkers.environmentOf(iss);
        String ours = EnvironmentMarkers.environmentOf(configured);
        if (Objects.equals(token, ours)) {
            return "";
        }
        return ": the token names " + (token == null ? "no environment" : token) + ", the configuration "
                + (ours == null ? "none" : ours);
    }
}
