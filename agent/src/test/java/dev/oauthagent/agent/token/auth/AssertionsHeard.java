package dev.oauthagent.agent.token.auth;

import dev.oauthagent.agent.config.Secret;
import java.util.ArrayList;
import java.util.List;

/** A listener that writes down each assertion it is told of, as "client/lifetime/assertion". */
final class AssertionsHeard implements SecretListener {
    final List<String> heard = new ArrayList<>();

    @Override
    public void secretRead(String clientName, String clientId, Secret secret) {
    }

    @Override
    public void assertionSigned(String clientName, String assertion, long lifetimeSeconds) {
        heard.add(clientName + "/" + lifetimeSeconds + "/" + assertion);
    }
}
