package dev.oauthagent.agent.config;

/**
 * A single value could not be parsed. The message is user-facing (what is wrong and how to fix it) and
 * must never contain a secret value; the loader turns it into a {@link ConfigProblem} for the key.
 */
final class InvalidValueException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidValueException(String message) {
        super(message, null, false, false);
    }
}
