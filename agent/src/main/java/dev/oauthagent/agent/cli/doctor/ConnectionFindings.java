package dev.oauthagent.agent.cli.doctor;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.token.CertificateProblem;
import dev.oauthagent.agent.token.TokenFetchException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * The findings for a token request that never got a proper answer: a host name that does not resolve, a
 * certificate not trusted or issued for another host, and a scheme that does not fit the port (http:// to a TLS
 * port, https:// to a plain-http one). Read from the failure's causes, as the token request's own message was.
 */
final class ConnectionFindings {
    private final ClientConfig client;
    private final FailedEndpoint endpoint;
    private final KeyOrigins keys;
    private final FailureProbes probes;

    ConnectionFindings(ClientConfig client, FailedEndpoint endpoint, KeyOrigins keys, FailureProbes probes) {
        this.client = client;
        this.endpoint = endpoint;
        this.keys = keys;
        this.probes = probes;
    }

    /** The finding, or null when the failure is none these findings know. */
    Finding diagnose(TokenFetchException failure) {
        UnknownHostException unknownHost = cause(failure, UnknownHostException.class);
        if (unknownHost != null) {
            return unknownHost();
        }
        SSLException tls = cause(failure, SSLException.class);
        if (tls != null && endpoint.isHttps()) {
            return tls(failure, tls);
        }
        if (endpoint.isHttp() && mayBeTlsPort(failure) && probes.speaksTls(endpoint.host(), endpoint.port())) {
            return Finding.fail("http-to-tls-port", endpoint.describe() + " is configured with http://, but "
                    + endpoint.host() + ":" + endpoint.port() + " speaks TLS: the server could not read the plain"
                    + " request", "write https:// in " + keys.keyWithOrigin(endpoint.urlKey) + ".");
        }
        return null;
    }

    private Finding unknownHost() {
        return Finding.fail("unknown-host", "the host name " + endpoint.host() + " of " + endpoint.describe()
                + " does not resolve (unknown host)", "check the spelling of " + endpoint.host() + " in "
                + keys.keyWithOrigin(endpoint.urlKey) + "; then this machine's DNS (nslookup " + endpoint.host()
                + "), and whether the host is reachable only through a proxy (" + keys.key("proxy")
                + " or the JVM's https.proxyHost).");
    }

    private Finding tls(TokenFetchException failure, SSLException tls) {
        String at = endpoint.host() + ":" + endpoint.port();
        switch (CertificateProblem.of(failure)) {
            case NOT_TRUSTED:
                return untrusted(at);
            case WRONG_HOST:
                return Finding.fail("tls-wrong-host", "the certificate of " + at + " is trusted but not issued for "
                        + endpoint.host() + " (hostname mismatch)", "set " + keys.keyWithOrigin(endpoint.urlKey)
                        + " to a host name the certificate names, or have the certificate reissued for "
                        + endpoint.host() + ".");
            case NOT_VALID_NOW:
                return Finding.fail("tls-certificate-expired", "the certificate of " + at + " has expired or is not"
                        + " yet valid", "renew the certificate on the server, or check this machine's clock.");
            default:
                return isPlainHttpAnswer(tls) ? Finding.fail("https-to-plain-http-port", endpoint.describe()
                        + " is configured with https://, but " + at + " answers plain http: no TLS handshake",
                        "use the server's https port; or, for a test server that has only plain http, write http://"
                                + " in " + keys.keyWithOrigin(endpoint.urlKey) + " and set " + keys.key("allow-http")
                                + "=true.") : null;
        }
    }

    private Finding untrusted(String at) {
        if (client.truststore() == null) {
            return Finding.fail("tls-untrusted", "the certificate of " + at + " is not trusted: no CA in the JDK's"
                    + " default trust store vouches for it (PKIX path building failed)", "if the server uses a private"
                    + " CA or a self-signed certificate, set " + keys.key("truststore") + " to a store (PKCS12 or JKS)"
                    + " holding it, with " + keys.key("truststore-password") + " and " + keys.key("truststore-type")
                    + ".");
        }
        return Finding.fail("tls-untrusted", "the certificate of " + at + " is not trusted: no CA in "
                + keys.key("truststore") + " (" + client.truststore() + ") vouches for it (PKIX path building failed)",
                "add the CA that issued the server's certificate to " + keys.keyWithOrigin("truststore") + ".");
    }

    /**
     * The JSSE's words for a record that is no TLS ("Unrecognized SSL message, plaintext connection?" up to JDK
     * 11, "Unsupported or unrecognized SSL message" since): the peer answered something else, usually HTTP.
     */
    private static boolean isPlainHttpAnswer(SSLException e) {
        String text = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        return text.contains("unrecognized ssl message") || text.contains("plaintext connection");
    }

    /**
     * A TLS server reading a plain request answers a TLS alert the HTTP client cannot parse, closes or resets the
     * connection, or (Tomcat) answers a bare 400: anything but a refused connection, a timeout or an OAuth error.
     */
    private static boolean mayBeTlsPort(TokenFetchException failure) {
        if (failure.errorCode() != null || failure.httpStatus() == 401 || failure.httpStatus() == 404
                || failure.httpStatus() == 405) {
            return false;
        }
        if (failure.httpStatus() > 0) {
            return failure.httpStatus() == 400;
        }
        IOException io = cause(failure, IOException.class);
        return io != null && !(io instanceof ConnectException) && !isConnectTimeout(io);
    }

    /** A port that never answered is no TLS port either: probing it would only wait as long again. */
    private static boolean isConnectTimeout(IOException e) {
        return e instanceof SocketTimeoutException && e.getMessage() != null
                && e.getMessage().toLowerCase(Locale.ROOT).contains("connect");
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 16; t = t.getCause(), depth++) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
