package dev.oauthagent.e2e.contract;

/**
 * The focused contract for Spring's RestTemplate on HttpComponentsClientHttpRequestFactory (Apache HttpClient 5.6).
 */
@ContractSubset
class SpringRestTemplateHttpComponentsContractIT extends SpringWebContract {
    SpringRestTemplateHttpComponentsContractIT() {
        super(SpringWebApp.newest(), "REST_TEMPLATE", "HTTP_COMPONENTS");
    }
}
