package dev.oauthagent.agent.config;

/** Turns one raw configuration value into its typed form, or explains why it cannot. */
interface ValueParser<T> {
    T parse(String raw) throws InvalidValueException;
}
