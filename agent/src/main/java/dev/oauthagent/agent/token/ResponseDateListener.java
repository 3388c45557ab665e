package dev.oauthagent.agent.token;

/**
 * Hears when an exchange's request went out and which {@code Date} header its answer carried, so that
 * {@code check} can compare the authorization server's clock with this machine's. The agent itself runs with
 * {@link #NONE}: it never reads the header.
 */
public interface ResponseDateListener {
    ResponseDateListener NONE = new ResponseDateListener() {
        @Override
        public void sent() {
        }

        @Override
        public void answered(String date) {
        }
    };

    /** The connection is open (TLS handshake done): the server has not seen the request yet. */
    void sent();

    /** The status line and headers have arrived. @param date the Date header as sent, or null */
    void answered(String date);
}
