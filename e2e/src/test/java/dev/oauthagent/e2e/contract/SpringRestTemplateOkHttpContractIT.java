package dev.oauthagent.e2e.contract;

/**
 * The focused contract for Spring's RestTemplate on OkHttp3ClientHttpRequestFactory (OkHttp 4.12), on Spring 6.2:
 * 7.0 has no such factory.
 */
@ContractSubset
class SpringRestTemplateOkHttpContractIT extends SpringWebContract {
    SpringRestTemplateOkHttpContractIT() {
        super(SpringWebApp.line6(), "REST_TEMPLATE", "OKHTTP3");
    }
}
