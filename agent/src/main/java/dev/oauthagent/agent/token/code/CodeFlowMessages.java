package dev.oauthagent.agent.token.code;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.token.ClientMessages;
import dev.oauthagent.agent.token.TokenFetchException;

/** The code flow's messages, in the agent's style ({@link ClientMessages}): the client, the key to change, the fix. */
final class CodeFlowMessages {
    private final String clientName;
    private final ClientMessages messages;

    CodeFlowMessages(ClientConfig client) {
        this.clientName = client.name();
        this.messages = new ClientMessages(client);
    }

    String clientName() {
        return clientName;
    }

    String key(String name) {
        return messages.key(name);
    }

    String exception(String text) {
        return messages.exception(text);
    }

    /** The flow ended without a token for a reason that retrying the same way will not change. */
    TokenFetchException terminal(String text, Throwable cause) {
        return new TokenFetchException(exception(text), TokenFetchException.Kind.TERMINAL, null, -1, -1, cause);
    }
}
