package dev.oauthagent.testapps.authserver;

import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;

/**
 * Remembers no consent, so the user is asked on every authorization and every device verification: each test sees
 * the same pages whatever ran before it on the same server, and a user can always say no (access_denied).
 */
final class ConsentAskedEveryTime implements OAuth2AuthorizationConsentService {
    @Override
    public void save(OAuth2AuthorizationConsent authorizationConsent) {
    }

    @Override
    public void remove(OAuth2AuthorizationConsent authorizationConsent) {
    }

    @Override
    public OAuth2AuthorizationConsent findById(String registeredClientId, String principalName) {
        return null;
    }
}
