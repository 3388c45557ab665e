package dev.oauthagent.agent.token.store;

/**
 * The step a grant runs while the token store is locked against every other JVM using the same file: given the
 * record as it is in the file now (re-read under the lock), it decides what to store. A grant that wants to
 * spend the refresh token it saw earlier first checks that the file still holds it
 * ({@link TokenRecord#hasRefreshToken}); if another process has rotated it meanwhile, it takes the stored
 * record ({@link StoreUpdate#keep()}) instead of spending a token that is already spent.
 *
 * @param <X> what the refresh may throw (the token request's failure); the store passes it on unchanged and
 *            leaves the file as it was
 */
public interface TokenRefresher<X extends Exception> {
    /** @param current the stored record, or null when the store holds none */
    StoreUpdate refresh(TokenRecord current) throws X;
}
