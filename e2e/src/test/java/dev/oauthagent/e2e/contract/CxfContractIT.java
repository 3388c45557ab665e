package dev.oauthagent.e2e.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.e2e.support.HostsFile;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The focused contract for a JAX-WS client on Apache CXF's default conduit, which needs no hook of its own; its
 * redirect case runs with AutoRedirect on too, since CXF's default follows none.
 */
@ContractSubset
class CxfContractIT extends InjectionContract {
    private static final CxfApp APP = new CxfApp();

    @Override
    protected ClientApp app() {
        return APP;
    }

    /**
     * CXF 4.2 picks its conduit when it builds the client: {@code HttpClientHTTPConduit}, on java.net.http, unless
     * told otherwise. The JDK's own request log shows the call went out through java.net.http, with the agent's token.
     */
    @Test
    @ContractSubset.Member
    void theDefaultConduitSendsEachCallThroughJavaNetHttpWithTheToken() {
        String id = caseId("conduit");
        URI url = ContractServers.url("http", HostsFile.API, servers.http.port(), "/api/" + id + "/call");

        AppResult result = new AppLauncher(APP.loggingJavaNetHttpRequests()).withEnvironment(
                AppRun.of(List.of(url), APP.defaultRedirectPolicy()), AgentSetup.of(api()), servers);

        assertThat(result.stdout()).as("%s", result).contains("CXF conduit=org.apache.cxf.transport.http.HttpClientHTTPConduit");
        assertThat(result.stderr()).as("the JDK HttpClient's log\n%s", result).contains("REQUEST: " + url + " POST");
        assertThat(servers.recordedFor(id)).extracting(RecordedRequest::authorization).as("%s", result)
                .singleElement().isIn(result.authorizationsOf("api"));
    }
}
