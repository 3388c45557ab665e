package dev.oauthagent.agent.token;

import dev.oauthagent.agent.token.auth.key.ClientCertificate;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Presents one client's certificate (RFC 8705) when the token endpoint asks for one, and nothing else: no server
 * side, no choice among keys. The certificate is offered whatever issuers the server names in its request: a
 * server of self_signed_tls_client_auth cannot name the issuer of a self-signed certificate, and the server, not the
 * agent, decides whether it accepts it. Only the key type must fit, else the handshake could not sign with it.
 */
final class ClientCertificateKeyManager extends X509ExtendedKeyManager {
    private static final String ALIAS = "client";

    private final ClientCertificate certificate;
    private final X509Certificate[] chain;

    ClientCertificateKeyManager(ClientCertificate certificate) {
        this.certificate = certificate;
        this.chain = certificate.chain().toArray(new X509Certificate[0]);
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        return fits(keyTypes) ? ALIAS : null;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        return fits(keyTypes) ? ALIAS : null;
    }

    /** TLS 1.3 asks for "RSA" or "RSASSA-PSS" for an RSA key, "EC" for an EC key. */
    private boolean fits(String[] keyTypes) {
        String algorithm = certificate.key().getAlgorithm();
        for (String type : keyTypes == null ? new String[0] : keyTypes) {
            if (type.equals(algorithm) || "RSA".equals(algorithm) && "RSASSA-PSS".equals(type)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return fits(new String[] {keyType}) ? new String[] {ALIAS} : null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return ALIAS.equals(alias) ? chain.clone() : null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return ALIAS.equals(alias) ? certificate.key() : null;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    @Override
    public String toString() {
        return "ClientCertificateKeyManager{" + certificate + "}";
    }
}
