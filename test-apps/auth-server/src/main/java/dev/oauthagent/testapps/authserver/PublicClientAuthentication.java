package dev.oauthagent.testapps.authserver;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationServerMetadata;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * A public client (client authentication {@code none}) identified by its {@code client_id} alone, on the requests
 * where Spring Authorization Server otherwise accepts a public client only for the PKCE code redemption: the device
 * authorization request and the device_code grant (RFC 8628 section 3.1), the refresh_token grant and revocation.
 * A client registered with any other method still has to authenticate (a request with a client certificate is left to
 * Spring's mutual-TLS authentication). Code redemptions are never taken here: they
 * are left to Spring's own public-client check, which demands and verifies the {@code code_verifier} (taking a
 * redemption without one here would issue tokens with no PKCE check at all).
 */
final class PublicClientAuthentication {
    private PublicClientAuthentication() {
    }

    /** Says in the metadata that public clients are served at the token and revocation endpoints. */
    static void advertise(OAuth2AuthorizationServerMetadata.Builder metadata) {
        String none = ClientAuthenticationMethod.NONE.getValue();
        metadata.tokenEndpointAuthenticationMethod(none).tokenRevocationEndpointAuthenticationMethod(none);
    }

    /**
     * A request that names a client and carries no credential of any kind: no secret, no assertion, and no client
     * certificate in the TLS handshake (which the mutual-TLS clients authenticate with, RFC 8705).
     */
    static final class Converter implements AuthenticationConverter {
        @Override
        public Authentication convert(HttpServletRequest request) {
            String[] clientIds = request.getParameterValues(OAuth2ParameterNames.CLIENT_ID);
            boolean oneClientId = clientIds != null && clientIds.length == 1 && !clientIds[0].isBlank();
            if (!"POST".equals(request.getMethod()) || !oneClientId
                    || request.getHeader(HttpHeaders.AUTHORIZATION) != null
                    || request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null
                    || request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION) != null
                    || request.getAttribute("jakarta.servlet.request.X509Certificate") != null
                    || AuthorizationGrantType.AUTHORIZATION_CODE.getValue().equals(
                            request.getParameter(OAuth2ParameterNames.GRANT_TYPE))) {
                return null;
            }
            return new ClaimedClient(clientIds[0]);
        }
    }

    /** Accepts the claim only for a client registered as public. */
    static final class Provider implements AuthenticationProvider {
        private final RegisteredClientRepository clients;

        Provider(RegisteredClientRepository clients) {
            this.clients = clients;
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            String clientId = (String) authentication.getPrincipal();
            RegisteredClient client = clients.findByClientId(clientId);
            if (client == null || !client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)) {
                throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT,
                        "Client authentication failed: " + OAuth2ParameterNames.CLIENT_ID, null));
            }
            return new OAuth2ClientAuthenticationToken(client, ClientAuthenticationMethod.NONE, null);
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return ClaimedClient.class.isAssignableFrom(authentication);
        }
    }

    /** Its own type, so that only {@link Provider} handles it. */
    static final class ClaimedClient extends OAuth2ClientAuthenticationToken {
        private static final long serialVersionUID = 1L;

        ClaimedClient(String clientId) {
            super(clientId, ClientAuthenticationMethod.NONE, null, null);
        }
    }
}
