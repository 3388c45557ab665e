package dev.oauthagent.e2e.contract;

/**
 * The focused contract for Spring's RestClient on the factory it picks itself: with no other client library on the
 * class path, JdkClientHttpRequestFactory (java.net.http).
 */
@ContractSubset
class SpringRestClientDefaultContractIT extends SpringWebContract {
    SpringRestClientDefaultContractIT() {
        super(SpringWebApp.newest(), "REST_CLIENT", "DEFAULT");
    }
}
