package dev.oauthagent.agent.token.user;

import dev.oauthagent.agent.config.ClientConfig;

import java.io.PrintStream;

/** Builds the flow that logs a person in for a client, by its grant type. */
public interface LoginFlows {

    /**
     * @param instructions where the flow tells the person what to do (stderr): never a token
     * @param terminal     whether a person watches {@code instructions} on a terminal, so progress may update
     *                     one line in place
     * @return the flow, or null when the client's grant needs no login (client credentials)
     */
    InteractiveLogin forClient(ClientConfig client, PrintStream instructions, boolean terminal);
}
