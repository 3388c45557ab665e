package dev.oauthagent.agent.cli.doctor;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.token.ClientMessages;
import dev.oauthagent.agent.token.DiscoveredEndpoints;
import dev.oauthagent.agent.token.DiscoveryFailure;
import dev.oauthagent.agent.token.IssuerDiscovery;
import dev.oauthagent.agent.token.TokenFetchException;

/**
 * For a client configured with issuer: reads its metadata document as the agent does ({@link IssuerDiscovery}:
 * the issuer compared exactly, RFC 8414 §3.3) and says what it gave, or why it gave nothing.
 */
final class IssuerStep {
    static final String DISCOVERED = "issuer-discovered";

    private IssuerStep() {
    }

    /** @throws TokenFetchException when no usable document was read; {@link #failed} says what it means */
    static DiscoveredEndpoints read(ClientConfig client) throws TokenFetchException {
        return new IssuerDiscovery(client).endpoints();
    }

    static Finding discovered(DiscoveredEndpoints endpoints) {
        return Finding.ok(DISCOVERED, "discovered from " + endpoints.document() + ": "
                + String.join(", ", endpoints.describe()));
    }

    static Finding failed(ClientConfig client, TokenFetchException e) {
        ClientMessages messages = new ClientMessages(client, client.issuer(), "issuer", "issuer");
        String issuer = messages.key("issuer");
        if (!(e instanceof DiscoveryFailure)) {
            return Finding.fail("issuer-unreachable", e.getMessage(), "check " + issuer + " and that this machine"
                    + " reaches it (DNS, firewall, proxy, truststore); the agent needs the same path to the server");
        }
        switch (((DiscoveryFailure) e).reason()) {
            case NOT_FOUND:
                return Finding.fail("issuer-metadata-not-found", e.getMessage(), "write " + issuer + " exactly as"
                        + " the server names itself (scheme, host, port, path; no trailing slash it does not have),"
                        + " or set " + messages.key("token-url") + " instead");
            case ISSUER_MISMATCH:
                return Finding.fail("issuer-mismatch", e.getMessage(), "set " + issuer + " to exactly the issuer"
                        + " the document names, if that is the server you mean; a different issuer is a different"
                        + " server (or environment), whose tokens the API will not take");
            default:
                return Finding.fail("issuer-metadata-unusable", e.getMessage(), "configure the endpoint the message"
                        + " names yourself, or set " + messages.key("token-url") + " instead of " + issuer);
        }
    }
}
