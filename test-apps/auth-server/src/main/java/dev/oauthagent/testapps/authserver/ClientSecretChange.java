package dev.oauthagent.testapps.authserver;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test only: {@code POST /__client-secret} with form fields {@code client_id} and {@code secret} registers a new
 * secret for a confidential client, from then on the only one accepted, as an operator rotating a secret on the
 * authorization server does. Answers only the loopback (the server binds there anyway); never echoes a secret.
 */
@RestController
class ClientSecretChange {
    private final RegisteredClientRepository clients;

    ClientSecretChange(RegisteredClientRepository clients) {
        this.clients = clients;
    }

    @PostMapping("/__client-secret")
    ResponseEntity<Map<String, String>> change(@RequestParam("client_id") String clientId, @RequestParam("secret") String secret,
            HttpServletRequest request) {
        if (!isLoopback(request.getRemoteAddr())) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", "loopback only"));
        }
        RegisteredClient client = clients.findByClientId(clientId);
        if (client == null || client.getClientSecret() == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "no confidential client " + clientId));
        }
        if (secret.isBlank()) {
            return ResponseEntity.badRequest().body(Map.of("error", "secret must not be blank"));
        }
        clients.save(RegisteredClient.from(client).clientSecret("{noop}" + secret).build());
        return ResponseEntity.noContent().build();
    }

    private static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress(); // a literal: no lookup
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
