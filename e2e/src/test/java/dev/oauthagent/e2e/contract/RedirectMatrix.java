package dev.oauthagent.e2e.contract;

import dev.oauthagent.e2e.support.HostsFile;
import java.util.ArrayList;
import java.util.List;

/**
 * Every redirect status × every kind of target the contract checks, on the {@link ContractServers} origins
 * and the clients of {@link InjectionContract} ("api", "partner", "secure"; null = must get nothing).
 */
final class RedirectMatrix {
    static final int[] STATUSES = {301, 302, 303, 307, 308};

    private RedirectMatrix() {
    }

    /** @param prefix unique per run; each case id is the prefix, the status and the kind of target */
    static List<RedirectCase> cases(ContractServers servers, String prefix) {
        return cases(servers, prefix, STATUSES);
    }

    /** Every kind of target, for the given statuses only. */
    static List<RedirectCase> cases(ContractServers servers, String prefix, int... statuses) {
        String apiHttp = origin("http", HostsFile.API, servers.http.port());
        String apiHttps = origin("https", HostsFile.API, servers.https.port());
        String evil = origin("http", HostsFile.EVIL, servers.http.port());
        String apiOtherPort = origin("http", HostsFile.API, servers.otherPort.port());
        String secureHttps = origin("https", HostsFile.SECURE, servers.https.port());
        String secureHttp = origin("http", HostsFile.SECURE, servers.http.port());
        String partner = origin("http", HostsFile.PARTNER, servers.http.port());
        List<RedirectCase> cases = new ArrayList<>();
        for (int status : statuses) {
            String id = prefix + "-" + status;
            cases.add(RedirectCase.start(id + "-other-host", status).hop(apiHttp, "api").hop(evil, null).build());
            cases.add(RedirectCase.start(id + "-other-port", status).hop(apiHttp, "api").hop(apiOtherPort, null)
                    .build());
            cases.add(RedirectCase.start(id + "-https-to-http", status).hop(secureHttps, "secure")
                    .hop(secureHttp, null).build());
            cases.add(RedirectCase.start(id + "-https-to-http-with-allow-http", status).hop(apiHttps, "api")
                    .hop(apiHttp, "api").build());
            cases.add(RedirectCase.start(id + "-allowed-evil-allowed", status).hop(apiHttp, "api")
                    .hop(evil, null).hop(apiHttp, "api").build());
            cases.add(RedirectCase.start(id + "-relative-to-unmatched-path", status).hop(apiHttp, "api")
                    .relative("/public", null).build());
            cases.add(RedirectCase.start(id + "-relative-on-other-host", status).hop(evil, null)
                    .relative("/api", null).build());
            cases.add(RedirectCase.start(id + "-relative-same-origin", status).hop(apiHttp, "api")
                    .relative("/api", "api").build());
            cases.add(RedirectCase.start(id + "-to-another-clients-host", status).hop(apiHttp, "api")
                    .hop(partner, "partner").build());
        }
        return cases;
    }

    private static String origin(String scheme, String host, int port) {
        return scheme + "://" + host + ":" + port;
    }
}
