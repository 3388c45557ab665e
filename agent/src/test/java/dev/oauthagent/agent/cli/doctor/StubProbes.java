package dev.oauthagent.agent.cli.doctor;

import dev.oauthagent.agent.config.ClientAuthMethod;
import dev.oauthagent.agent.token.ServerMetadata;
import dev.oauthagent.agent.token.ServerMetadataLookup;
import dev.oauthagent.agent.token.code.AuthorizationRefusedException;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/** Probes that answer what a test sets, and count what was asked. */
final class StubProbes implements FailureProbes {
    static final URI DOCUMENT = URI.create("https://as.example/.well-known/oauth-authorization-server");

    ServerMetadata metadata;
    boolean speaksTls;
    AuthorizationRefusedException refusal;
    Recognition recognition = Recognition.UNKNOWN;
    int tlsProbes;
    private int otherMethodsTried;

    /** Metadata parsed from {@code json}, as the real look-up parses a document. */
    StubProbes withMetadata(String json) {
        metadata = ServerMetadataLookup.parse(DOCUMENT, json.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    @Override
    public ServerMetadata metadata() {
        return metadata;
    }

    @Override
    public boolean speaksTls(String host, int port) {
        tlsProbes++;
        return speaksTls;
    }

    @Override
    public AuthorizationRefusedException authorizationRequestRefusal() {
        return refusal;
    }

    @Override
    public Recognition recognizesClient() {
        return recognition;
    }

    /** Never: the tests of a method the server wants ask the real probe of a scripted server. */
    @Override
    public boolean acceptsClientAuth(ClientAuthMethod method) {
        otherMethodsTried++;
        return false;
    }

    int otherMethodsTried() {
        return otherMethodsTried;
    }
}
