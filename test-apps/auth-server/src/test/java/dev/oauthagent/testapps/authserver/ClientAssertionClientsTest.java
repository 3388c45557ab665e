package dev.oauthagent.testapps.authserver;

import static dev.oauthagent.testapps.authserver.TokenEndpoint.fields;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client-assertion registrations: private_key_jwt clients (RS256, ES256) whose public keys the server fetches
 * from the JWK set this test serves, and the client_secret_jwt client (HS256). An assertion's {@code aud} may be
 * the token endpoint's URL or the issuer (Spring Authorization Server accepts either); anything else is refused.
 */
class ClientAssertionClientsTest {
    private static JwkSetServer jwks;
    private static InProcessServer server;
    private static RSAKey rsa;
    private static ECKey ec;

    @BeforeAll
    static void start() throws Exception {
        rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        jwks = JwkSetServer.serve(new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK())));
        server = InProcessServer.start(jwks.option());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (jwks != null) {
            jwks.close();
        }
    }

    @Test
    void anRs256AssertionOfTheRsaClientGetsAToken() throws Exception {
        assertGranted(RegisteredClients.JWT_RSA_CLIENT_ID, JWSAlgorithm.RS256, new RSASSASigner(rsa), tokenUrl());
    }

    @Test
    void anEs256AssertionOfTheEcClientGetsAToken() throws Exception {
        assertGranted(RegisteredClients.JWT_EC_CLIENT_ID, JWSAlgorithm.ES256, new ECDSASigner(ec), tokenUrl());
    }

    @Test
    void anHs256AssertionOverTheSecretGetsAToken() throws Exception {
        assertGranted(RegisteredClients.SECRET_JWT_CLIENT_ID, JWSAlgorithm.HS256,
                new MACSigner(AuthServerOptions.DEFAULT_SECRET_JWT_CLIENT_SECRET), tokenUrl());
    }

    @Test
    void theIssuerIsAcceptedAsAudienceAndAnotherUrlIsRefused() throws Exception {
        assertGranted(RegisteredClients.JWT_RSA_CLIENT_ID, JWSAlgorithm.RS256, new RSASSASigner(rsa),
                server.issuer().toString());
        TokenEndpoint.Answer refused = request(RegisteredClients.JWT_RSA_CLIENT_ID, JWSAlgorithm.RS256,
                new RSASSASigner(rsa), server.issuer() + "/somewhere-else");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
        assertThat(refused.field("error")).isEqualTo("invalid_client");
    }

    @Test
    void anAssertionSignedWithAnotherKeyIsRefused() throws Exception {
        RSAKey other = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        TokenEndpoint.Answer refused = request(RegisteredClients.JWT_RSA_CLIENT_ID, JWSAlgorithm.RS256,
                new RSASSASigner(other), tokenUrl());
        assertThat(refused.field("error")).as(refused.toString()).isEqualTo("invalid_client");
    }

    private static String tokenUrl() {
        return server.endpoint("/oauth2/token").toString();
    }

    private static void assertGranted(String clientId, JWSAlgorithm algorithm, JWSSigner signer, String audience)
            throws Exception {
        TokenEndpoint.Answer granted = request(clientId, algorithm, signer, audience);
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        assertThat(granted.field("access_token")).isNotBlank();
    }

    private static TokenEndpoint.Answer request(String clientId, JWSAlgorithm algorithm, JWSSigner signer,
            String audience) throws Exception {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).build(),
                new JWTClaimsSet.Builder().issuer(clientId).subject(clientId).audience(audience)
                        .jwtID(UUID.randomUUID().toString()).issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plusSeconds(60))).build());
        jwt.sign(signer);
        return TokenEndpoint.post(server.endpoint("/oauth2/token"), null, fields("grant_type", "client_credentials",
                "client_id", clientId, "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion", jwt.serialize()));
    }
}
