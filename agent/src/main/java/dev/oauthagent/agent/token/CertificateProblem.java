package dev.oauthagent.agent.token;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;

/**
 * What a failed TLS handshake says about the server's certificate, read from the exception's causes: the
 * JSSE wraps the trust manager's verdict in an SSLHandshakeException.
 */
public enum CertificateProblem {
    /** No trusted CA vouches for it (self-signed, private CA): a PKIX path could not be built or validated. */
    NOT_TRUSTED,
    /** Trusted, but issued for other host names (the handshake's "HTTPS" endpoint identification). */
    WRONG_HOST,
    /** Outside its validity period (or this machine's clock is off). */
    NOT_VALID_NOW,
    /** Not about the certificate, or not recognised: protocol, cipher suites, a closed connection. */
    OTHER;

    public static CertificateProblem of(Throwable handshakeFailure) {
        CertificateProblem found = OTHER;
        int depth = 0;
        for (Throwable t = handshakeFailure; t != null && depth < 16; t = t.getCause(), depth++) {
            if (t instanceof CertificateExpiredException || t instanceof CertificateNotYetValidException) {
                return NOT_VALID_NOW; // wrapped in a CertPathValidatorException: the more precise word wins
            }
            if (t instanceof CertPathBuilderException || t instanceof CertPathValidatorException) {
                found = NOT_TRUSTED;
            } else if (t instanceof CertificateException && isHostMismatch(t.getMessage())) {
                found = WRONG_HOST;
            }
        }
        return found;
    }

    // sun.security.util.HostnameChecker's words, the same from JDK 8 to 25: "No subject alternative DNS name
    // matching x found", "No subject alternative names matching IP address x found", "No name matching x found",
    // "No subject alternative names present".
    private static boolean isHostMismatch(String message) {
        return message != null && (message.startsWith("No subject alternative") || message.startsWith("No name matching"));
    }
}
