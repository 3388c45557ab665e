package dev.oauthagent.testapps.authserver;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts every answered token request for {@link TokenRequestCounts}. Registered ahead of Spring Security, whose
 * token endpoint answers without passing the request on, so refusals (400, 401) are counted like grants.
 */
final class TokenRequestCounter extends OncePerRequestFilter {
    private final TokenRequestCounts counts;

    TokenRequestCounter(TokenRequestCounts counts) {
        this.counts = counts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Read before the chain: the form body is parsed once, and Spring reads the parameters from the same map.
        String clientId = clientId(request);
        String grantType = String.valueOf(request.getParameter(OAuth2ParameterNames.GRANT_TYPE));
        try {
            chain.doFilter(request, response);
        } finally {
            if ("POST".equals(request.getMethod())) {
                counts.answered(clientId, grantType, response.getStatus());
            }
        }
    }

    /** The {@code client_id} parameter, else the user of HTTP Basic (RFC 6749 section 2.3.1: form-encoded). */
    private static String clientId(HttpServletRequest request) {
        String clientId = request.getParameter(OAuth2ParameterNames.CLIENT_ID);
        if (clientId != null) {
            return clientId;
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String credentials = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = credentials.indexOf(':');
                if (colon > 0) {
                    return URLDecoder.decode(credentials.substring(0, colon), StandardCharsets.UTF_8);
                }
            } catch (IllegalArgumentException e) {
                // Not base64: Spring answers it with 401; counted as a client without a name.
            }
        }
        return "-";
    }
}
