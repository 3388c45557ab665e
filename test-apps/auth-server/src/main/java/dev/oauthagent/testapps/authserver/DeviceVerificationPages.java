package dev.oauthagent.testapps.authserver;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The two pages of the device flow Spring Authorization Server leaves to the application: where the user types the
 * code shown on the device ({@code verification_uri} without {@code user_code}; the form sends it back with the
 * code, which opens the consent page), and where the user lands after approving ({@code /?success}).
 */
@RestController
class DeviceVerificationPages {
    static final String VERIFICATION_PATH = "/oauth2/device_verification";

    @GetMapping(path = VERIFICATION_PATH, params = "!user_code", produces = MediaType.TEXT_HTML_VALUE)
    String codeEntry() {
        return """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Device sign-in</title></head><body>
                <h1>Sign in a device</h1>
                <form name="user_code_form" method="get" action="%s">
                  <label for="user_code">Code shown on the device</label>
                  <input type="text" id="user_code" name="user_code" required autofocus>
                  <button type="submit">Continue</button>
                </form></body></html>
                """.formatted(VERIFICATION_PATH);
    }

    @GetMapping(path = "/", params = "success", produces = MediaType.TEXT_HTML_VALUE)
    String approved() {
        return """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Device signed in</title></head><body>
                <h1>Device signed in</h1><p>You can close this window and return to the device.</p></body></html>
                """;
    }
}
