package dev.oauthagent.e2e.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A client's JWK set (RFC 7517) served over plain http on the loopback, as a private_key_jwt client publishes its
 * public keys for the authorization server to fetch. Public keys only.
 */
public final class ClientJwks implements AutoCloseable {
    private final HttpServer server;

    private ClientJwks(HttpServer server) {
        this.server = server;
    }

    /**
     * @param keys key id, then public key, repeated; a certificate in place of a key gives its public key with the
     *             certificate as x5c, as a self_signed_tls_client_auth client registers it (RFC 8705 §2.2)
     */
    public static ClientJwks serve(Object... keys) throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true"); // else ~40 ms stalls per keep-alive request
        List<String> jwks = new ArrayList<>();
        for (int i = 0; i < keys.length; i += 2) {
            jwks.add(keys[i + 1] instanceof X509Certificate certificate ? withCertificate((String) keys[i], certificate)
                    : jwk((String) keys[i], (PublicKey) keys[i + 1]));
        }
        byte[] body = ("{\"keys\":[" + String.join(",", jwks) + "]}").getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return new ClientJwks(server);
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks");
    }

    private static String withCertificate(String keyId, X509Certificate certificate) {
        String key = jwk(keyId, certificate.getPublicKey());
        try {
            return key.substring(0, key.length() - 1) + ",\"x5c\":[\""
                    + Base64.getEncoder().encodeToString(certificate.getEncoded()) + "\"]}";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode the certificate of " + keyId, e);
        }
    }

    private static String jwk(String keyId, PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return "{\"kty\":\"RSA\",\"kid\":\"" + keyId + "\",\"use\":\"sig\",\"n\":\"" + unsigned(rsa.getModulus(), 0)
                    + "\",\"e\":\"" + unsigned(rsa.getPublicExponent(), 0) + "\"}";
        }
        ECPublicKey ec = (ECPublicKey) key;
        return "{\"kty\":\"EC\",\"kid\":\"" + keyId + "\",\"use\":\"sig\",\"crv\":\"P-256\",\"x\":\""
                + unsigned(ec.getW().getAffineX(), 32) + "\",\"y\":\"" + unsigned(ec.getW().getAffineY(), 32) + "\"}";
    }

    /** Base64url of the big-endian magnitude, without a sign byte, left-padded to {@code length} when given. */
    private static String unsigned(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        if (bytes[0] == 0 && bytes.length > 1) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        if (bytes.length < length) {
            byte[] padded = new byte[length];
            System.arraycopy(bytes, 0, padded, length - bytes.length, bytes.length);
            bytes = padded;
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
