package dev.oauthagent.agent.token.device;

/**
 * A validated device authorization response (RFC 8628 §3.2): what the person is shown, and the device code the
 * agent polls with. The device code is a credential: {@link #toString()} leaves it out.
 */
public final class DeviceAuthorization {
    private final String deviceCode;
    private final String userCode;
    private final String verificationUri;
    private final String verificationUriComplete;
    private final long expiresInSeconds;
    private final long intervalSeconds;

    /** @param verificationUriComplete the URI with the user code in it, or null when the server sent none */
    DeviceAuthorization(String deviceCode, String userCode, String verificationUri, String verificationUriComplete,
            long expiresInSeconds, long intervalSeconds) {
        this.deviceCode = deviceCode;
        this.userCode = userCode;
        this.verificationUri = verificationUri;
        this.verificationUriComplete = verificationUriComplete;
        this.expiresInSeconds = expiresInSeconds;
        this.intervalSeconds = intervalSeconds;
    }

    /** Plaintext credential: only for the token request. */
    String deviceCode() {
        return deviceCode;
    }

    public String userCode() {
        return userCode;
    }

    public String verificationUri() {
        return verificationUri;
    }

    /** Null when the server sent none. */
    public String verificationUriComplete() {
        return verificationUriComplete;
    }

    /** How long the device code and user code are valid, from the moment the response arrived. */
    public long expiresInSeconds() {
        return expiresInSeconds;
    }

    /** The least time between two polls the server asked for; 5 s when it did not say (RFC 8628 §3.2). */
    public long intervalSeconds() {
        return intervalSeconds;
    }

    @Override
    public String toString() {
        return "DeviceAuthorization{verificationUri=" + verificationUri + ", expiresIn=" + expiresInSeconds
                + "s, interval=" + intervalSeconds + "s}";
    }
}
