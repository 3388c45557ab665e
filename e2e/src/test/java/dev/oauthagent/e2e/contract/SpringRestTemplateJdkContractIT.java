package dev.oauthagent.e2e.contract;

/** The focused contract for Spring's RestTemplate on JdkClientHttpRequestFactory (java.net.http). */
@ContractSubset
class SpringRestTemplateJdkContractIT extends SpringWebContract {
    SpringRestTemplateJdkContractIT() {
        super(SpringWebApp.newest(), "REST_TEMPLATE", "JDK");
    }
}
