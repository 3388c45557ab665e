package dev.oauthagent.agent.metrics;

/**
 * What {@code oauth.agent:type=Client,name=<client>} shows in jconsole: counts, codes and times only. No
 * attribute holds a token, a secret, a fingerprint or a server's words.
 */
public interface ClientMBean {
    /** Token requests sent (or attempted) to the token endpoint. */
    long getTokenRequests();

    /** Token requests that failed. */
    long getTokenFailures();

    /** "code=count" per error code: RFC 6749 codes, http_NNN, io_error, login_needed, other. */
    String[] getFailuresByCode();

    /** The code of the last failed token request; null if none failed. */
    String getLastFailureCode();

    /** When the last token request failed (ISO-8601, UTC); null if none failed. */
    String getLastFailureTime();

    /** Seconds until the token held expires (less the expiry skew); 0 when expired, -1 when none is held. */
    long getSecondsUntilExpiry();

    /** Requests that carried this client's token. */
    long getInjectedRequests();

    /** Requests to this client's hosts that kept the Authorization header the application set. */
    long getSkippedRequests();

    /** Requests not sent because no token came in time (fail-mode=closed). */
    long getFailClosedRefusals();

    /** Secrets and tokens the log scrubber replaced, in all the application's output (agent-wide). */
    long getRedactions();
}
