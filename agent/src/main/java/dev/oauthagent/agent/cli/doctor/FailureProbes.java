package dev.oauthagent.agent.cli.doctor;

import dev.oauthagent.agent.config.ClientAuthMethod;
import dev.oauthagent.agent.token.ServerMetadata;
import dev.oauthagent.agent.token.code.AuthorizationRefusedException;

/**
 * What {@link TokenFailureDiagnosis} may ask the network to tell one failure from another. Each answer is one small
 * request without secrets, except {@link #recognizesClient()} and {@link #acceptsClientAuth}, which send the client's
 * credentials to its own token endpoint as every token request does. {@link NetworkProbes} asks the real servers; tests give their own answers.
 */
public interface FailureProbes {
    /** Whether the token endpoint knows the client: a grant that must fail, and which way it fails. */
    enum Recognition { RECOGNIZED, REFUSED, UNKNOWN }

    /** The server's metadata document at the token endpoint's origin, or null when none answers. */
    ServerMetadata metadata();

    /** Whether {@code host:port} answers a TLS handshake, i.e. wants https. */
    boolean speaksTls(String host, int port);

    /** How the server answers the client's authorization request before any login; null when it accepts it. */
    AuthorizationRefusedException authorizationRequestRefusal();

    /** Whether the token endpoint accepts the client's credentials, asked with a grant that cannot succeed. */
    Recognition recognizesClient();

    /** Whether the token endpoint gives the client a token when it authenticates with {@code method} instead. */
    boolean acceptsClientAuth(ClientAuthMethod method);
}
