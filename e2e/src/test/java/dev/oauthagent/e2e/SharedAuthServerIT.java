package dev.oauthagent.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.oauthagent.e2e.support.AuthServer;
import dev.oauthagent.e2e.support.FormPost;
import dev.oauthagent.e2e.support.Json;
import dev.oauthagent.e2e.support.Jwt;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class SharedAuthServerIT {

    @Test
    void sharedServerIsStartedOnceAndSurvivesClose() {
        AuthServer first = AuthServer.shared();
        first.close();

        AuthServer second = AuthServer.shared();

        assertThat(second).isSameAs(first);
        assertThat(second.process().isAlive()).isTrue();
    }

    @Test
    void sharedServerUsesTheDefaultSecretsTtlAndAudience() {
        AuthServer server = AuthServer.shared();

        HttpResponse<String> response = FormPost.to(server.tokenUrl())
                .basicAuth(server.basicClientId(), "basic-secret")
                .field("grant_type", "client_credentials").send();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Jwt jwt = Jwt.decode((String) Json.parseObject(response.body()).get("access_token"));
        assertThat(jwt.longClaim("exp") - jwt.longClaim("iat")).isCloseTo(300L, within(1L));
        assertThat(jwt.stringListClaim("aud")).containsExactly("api");
        assertThat(server.postClientSecret()).isEqualTo("post/secret+with=odd&chars%");
    }
}
