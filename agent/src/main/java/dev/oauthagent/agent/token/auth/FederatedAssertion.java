package dev.oauthagent.agent.token.auth;

import dev.oauthagent.agent.config.Secret;
import dev.oauthagent.agent.token.TokenRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;

/**
 * {@code client-assertion}: a client assertion another party signed, the workload-identity pattern (a Kubernetes
 * projected service-account token, Entra's {@code AZURE_FEDERATED_TOKEN_FILE}, a CI job's OIDC token). The platform
 * renews the file, so it is read again for every token request. One past its {@code exp} is not sent: the request
 * fails saying so, and the next attempt reads the file again. Log scrubbing knows each value sent until its exp.
 */
final class FederatedAssertion implements ClientAuthentication {
    private static final Logger LOG = LoggerFactory.getLogger(FederatedAssertion.class);
    /** How long an assertion without a readable exp stays scrubbed. */
    static final long UNKNOWN_EXPIRY_SCRUB_SECONDS = 3600;

    private final String clientName;
    private final String clientId;
    private final String type;
    private final Clock clock;
    private final SecretListener listener;
    // Guarded by this.
    private Secret current;
    private String lastProblem;

    FederatedAssertion(String clientName, String clientId, Secret assertion, String type, Clock clock,
            SecretListener listener) {
        this.clientName = clientName;
        this.clientId = clientId;
        this.current = assertion;
        this.type = type;
        this.clock = clock;
        this.listener = listener;
    }

    @Override
    public String unusableNow() {
        Secret assertion = read();
        Long exp = JwtExpiry.of(assertion.reveal());
        long now = clock.millis() / 1000;
        if (exp == null || exp > now) {
            return null;
        }
        return "the client assertion in " + assertion.origin() + " expired " + (now - exp) + " s ago (exp "
                + Instant.ofEpochSecond(exp) + "), so it was not sent; the platform that writes it has not renewed it "
                + "(check the token projection or the agent that writes " + assertion.origin() + "). oauth-agent reads "
                + "the file again at its next attempt.";
    }

    @Override
    public void applyTo(TokenRequest.Builder request) {
        String assertion = read().reveal();
        Long exp = JwtExpiry.of(assertion);
        listener.assertionSigned(clientName, assertion, exp == null ? UNKNOWN_EXPIRY_SCRUB_SECONDS
                : Math.max(0, exp - clock.millis() / 1000));
        request.formParameter("client_id", clientId);
        request.formParameter("client_assertion_type", type);
        request.formParameter("client_assertion", assertion);
    }

    @Override
    public synchronized boolean secretChangedOnReread() {
        Secret before = current;
        return !before.equals(read());
    }

    /** The file's content now; a read that fails, or reads empty, keeps the value read before and is warned once. */
    private synchronized Secret read() {
        if (current.file() == null) {
            return current;
        }
        try {
            Secret fresh = current.reread();
            if (fresh.isEmpty()) {
                problem("refers to " + current.origin() + ", which is empty now");
            } else {
                current = fresh;
                lastProblem = null;
            }
        } catch (IOException e) {
            problem(e.getMessage());
        }
        return current;
    }

    private void problem(String message) {
        if (!message.equals(lastProblem)) {
            LOG.warn("client '" + clientName + "': client-assertion " + message + "; the assertion read before is "
                    + "sent");
            lastProblem = message;
        }
    }

    @Override
    public synchronized String toString() {
        return "FederatedAssertion{clientId=" + clientId + ", type=" + type + ", assertion=" + current + "}";
    }
}
