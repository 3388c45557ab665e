/**
 * The token cache: one {@link dev.oauthagent.agent.token.cache.TokenCache} per client serves tokens
 * lock-free to application threads and fetches new ones on its own daemon thread, ahead of expiry
 * ({@link dev.oauthagent.agent.token.cache.RefreshPolicy}), one request at a time, backing off after
 * failures ({@code Backoff}). Time comes from an injected {@link dev.oauthagent.agent.token.cache.Ticker}
 * and work runs on an injected {@link dev.oauthagent.agent.token.cache.RefreshScheduler}, so tests need no
 * sleeping.
 */
package dev.oauthagent.agent.token.cache;
