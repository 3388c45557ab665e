package dev.oauthagent.agent.token.store;

/**
 * Told of every record the token store reads or writes, before the store hands it to anyone: the log
 * redactor must know a refresh token before the application could log it (a token read from the store was
 * never in a token response of this JVM). Must not block for long; whatever it throws is logged by class
 * name and ignored.
 */
public interface StoredTokenListener {
    void storedTokens(String clientName, TokenRecord record);
}
