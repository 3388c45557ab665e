package dev.oauthagent.e2e.contract;

/**
 * The focused contract for Spring's RestClient on a factory given to its builder:
 * HttpComponentsClientHttpRequestFactory (Apache HttpClient 5.6).
 */
@ContractSubset
class SpringRestClientHttpComponentsContractIT extends SpringWebContract {
    SpringRestClientHttpComponentsContractIT() {
        super(SpringWebApp.newest(), "REST_CLIENT", "HTTP_COMPONENTS");
    }
}
