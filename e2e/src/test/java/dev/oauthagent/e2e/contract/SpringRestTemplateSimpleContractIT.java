package dev.oauthagent.e2e.contract;

/** The focused contract for Spring's RestTemplate on SimpleClientHttpRequestFactory (HttpURLConnection). */
@ContractSubset
class SpringRestTemplateSimpleContractIT extends SpringWebContract {
    SpringRestTemplateSimpleContractIT() {
        super(SpringWebApp.newest(), "REST_TEMPLATE", "SIMPLE");
    }
}
