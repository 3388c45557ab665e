package dev.oauthagent.agent.token.auth;

import dev.oauthagent.agent.token.auth.key.SigningAlgorithm;

import java.security.Key;

/** The key a client assertion is signed with, as it is now: a private key from its file, or the client secret. */
interface AssertionKey {
    SigningAlgorithm algorithm();

    /** Looks at the key's file first when due, as {@link CurrentSecret#get()} does. */
    Key current();

    /** Reads the file again at once, after an {@code invalid_client}; true when the key changed. */
    boolean changedOnReread();
}
