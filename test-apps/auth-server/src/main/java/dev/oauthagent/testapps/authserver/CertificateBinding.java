package dev.oauthagent.testapps.authserver;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;

/**
 * The {@code cnf} claim of a certificate-bound access token (RFC 8705 §3.1): the SHA-256 thumbprint of the client
 * certificate the client authenticated with, for a client registered with x509CertificateBoundAccessTokens. Spring
 * adds it in the token generator it builds itself; this server builds its own ({@link AuthorizationServerConfig}), so
 * the claim is added here.
 */
final class CertificateBinding {
    private CertificateBinding() {
    }

    static Optional<Map<String, Object>> of(JwtEncodingContext context) {
        if (!context.getRegisteredClient().getTokenSettings().isX509CertificateBoundAccessTokens()) {
            return Optional.empty();
        }
        Authentication grant = context.getAuthorizationGrant();
        Object client = grant == null ? null : grant.getPrincipal();
        if (!(client instanceof OAuth2ClientAuthenticationToken token) || !isMutualTls(token.getClientAuthenticationMethod())
                || !(token.getCredentials() instanceof X509Certificate[] chain) || chain.length == 0) {
            return Optional.empty();
        }
        return Optional.of(Map.of("x5t#S256", thumbprint(chain[0])));
    }

    private static boolean isMutualTls(ClientAuthenticationMethod method) {
        return ClientAuthenticationMethod.TLS_CLIENT_AUTH.equals(method)
                || ClientAuthenticationMethod.SELF_SIGNED_TLS_CLIENT_AUTH.equals(method);
    }

    static String thumbprint(X509Certificate certificate) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot compute the certificate's thumbprint", e);
        }
    }
}
