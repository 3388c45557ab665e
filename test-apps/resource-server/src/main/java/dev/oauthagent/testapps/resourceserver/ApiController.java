package dev.oauthagent.testapps.resourceserver;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The protected endpoints: they answer only once Spring Security has accepted the bearer token. */
@RestController
class ApiController {
    private final RequestStats stats;

    ApiController(RequestStats stats) {
        this.stats = stats;
    }

    /** Who called: the token's subject (the client id) and its granted scopes. */
    @GetMapping("/api/hello")
    Map<String, Object> hello(@AuthenticationPrincipal Jwt token) {
        stats.tokenAccepted(token);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sub", token.getSubject());
        body.put("scope", token.getClaim("scope"));
        return body;
    }

    /** Proves a request body arrives intact through whatever rewrote the request's headers. */
    @PostMapping("/api/echo")
    Map<String, Object> echo(@AuthenticationPrincipal Jwt token, @RequestBody(required = false) byte[] body) {
        stats.tokenAccepted(token);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("sub", token.getSubject());
        answer.put("length", body == null ? 0 : body.length);
        return answer;
    }

    /** Open to anyone: tests compare these counts with what the app under the agent reported. */
    @GetMapping("/stats")
    Map<String, Long> stats() {
        return stats.snapshot();
    }
}
