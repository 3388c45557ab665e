package dev.oauthagent.e2e.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.e2e.support.FormPost;
import dev.oauthagent.e2e.support.Http;
import dev.oauthagent.e2e.support.HostsFile;
import dev.oauthagent.e2e.support.Json;
import dev.oauthagent.e2e.support.Jwt;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * What the injection contract stands on, proven without the agent: the apps reach the contract's host names
 * (hosts file) and https origins (test trust store), follow exactly the redirects each {@link RedirectPolicy}
 * predicts on this JDK, and the https authorization server issues and counts tokens the resource server
 * accepts. If one of these fails, a contract failure would say nothing about the agent.
 */
class ContractGroundworkIT {
    private static final List<ClientApp> APPS = List.of(new UrlConnectionApp(), new HttpClientApp("SYNC"),
            new HttpClientApp("ASYNC"), new OkHttpApp(OkHttpApp.oldest(), "SYNC"),
            new Apache4App("BUILDER", Apache4App.NEWEST), new Apache4App("ASYNC", Apache4App.NEWEST));

    /**
     * One status (302, followed by every following policy) keeps this quick; the contract runs all five under
     * the agent and checks the same hops there.
     */
    @TestFactory
    Stream<DynamicTest> eachAppFollowsExactlyTheRedirectsItsPolicyPredicts() {
        ContractServers servers = ContractServers.origins();
        return APPS.stream().flatMap(app -> app.redirectPolicies().stream().map(policy -> DynamicTest.dynamicTest(
                app.name() + " " + policy.name(), () -> {
                    String prefix = app.name() + "-groundwork-" + policy.name().toLowerCase();
                    List<RedirectCase> cases = RedirectMatrix.cases(servers, prefix, 302);

                    new AppLauncher(app).withoutAgent(
                            AppRun.of(cases.stream().map(RedirectCase::start).toList(), policy), servers);

                    SoftAssertions softly = new SoftAssertions();
                    for (RedirectCase redirect : cases) {
                        softly.assertThat(servers.recordedFor(redirect.id())).as("%s under %s", redirect, policy)
                                .extracting(RecordedRequest::path)
                                .containsExactlyInAnyOrderElementsOf(redirect.reachedUnder(policy).stream().map(Expect::path).toList());
                        softly.assertThat(servers.recordedFor(redirect.id())).extracting(RecordedRequest::authorization)
                                .containsOnly("none");
                    }
                    softly.assertAll();
                })));
    }

    @Test
    void appsReachEveryContractHostNameOverHttpAndHttpsWithTheCertificateCheckedAndSendEveryUrlGivenInOrder() {
        ContractServers servers = ContractServers.origins();
        for (ClientApp app : APPS) {
            String id = app.name() + "-groundwork-hosts";
            List<URI> urls = HostsFile.NAMES.stream()
                    .flatMap(host -> Stream.of(ContractServers.url("http", host, servers.http.port(), "/" + id + "/" + host),
                            ContractServers.url("https", host, servers.https.port(), "/" + id + "/" + host + "-tls")))
                    .toList();

            AppResult result = new AppLauncher(app).withoutAgent(AppRun.of(urls, app.defaultRedirectPolicy()), servers);

            assertThat(result.outcomes()).as("%s", result).hasSize(urls.size()).allMatch(outcome -> outcome.status() == 200);
            List<RecordedRequest> recorded = servers.recordedFor(id);
            assertThat(recorded).extracting(RecordedRequest::path)
                    .containsExactlyInAnyOrderElementsOf(urls.stream().map(URI::getRawPath).toList());
            assertThat(recorded).extracting(RecordedRequest::authorization).containsOnly("none");
            if (!app.name().endsWith("async")) {
                // One request after another: http ones arrive in the order given.
                assertThat(servers.http.recorded().stream().map(RecordedRequest::parse).filter(r -> r.belongsTo(id))
                        .map(RecordedRequest::path).toList())
                        .containsExactlyElementsOf(urls.stream().filter(u -> u.getScheme().equals("http"))
                                .map(URI::getRawPath).toList());
            }
        }
    }

    @Test
    void httpsAuthorizationServerIssuesShortLivedTokensCountsThemAndTheResourceServerAcceptsThem() {
        ContractServers expiry = ContractServers.expiry();
        String clientId = expiry.authServer.shortClientId();
        long issued = expiry.authServer.issuedTokens(clientId);
        long issuedToPost = expiry.authServer.issuedTokens(expiry.authServer.postClientId());

        HttpResponse<String> response = FormPost.to(expiry.authServer.tokenUrl())
                .basicAuth(clientId, expiry.authServer.shortClientSecret())
                .field("grant_type", "client_credentials").send();

        assertThat(expiry.authServer.tokenUrl().getScheme()).isEqualTo("https");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(expiry.authServer.issuedTokens(clientId)).isEqualTo(issued + 1);
        assertThat(expiry.authServer.issuedTokens(expiry.authServer.postClientId())).isEqualTo(issuedToPost);
        Jwt jwt = Jwt.decode((String) Json.parseObject(response.body()).get("access_token"));
        assertThat(jwt.longClaim("exp") - jwt.longClaim("iat")).isEqualTo(ContractServers.SHORT_TOKEN_TTL.getSeconds());
        String token = (String) Json.parseObject(response.body()).get("access_token");
        Http.Response accepted = Http.get(expiry.resourceServer.helloUrl(), "Bearer " + token);
        assertThat(accepted.status()).as("%s", accepted.header("WWW-Authenticate")).isEqualTo(200);
        assertThat(Http.get(expiry.resourceServer.helloUrl(), null).status()).isEqualTo(401);
    }
}
