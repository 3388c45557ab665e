package dev.oauthagent.agent.scrub;

/** Where the redactor reads the live secrets from, on every line: one volatile read. */
interface SecretSource {
    SecretSet current();
}
