package dev.oauthagent.e2e.contract;

/**
 * The focused contract for Spring 6.2's {@code new RestTemplate()}, on the factory it makes itself:
 * SimpleClientHttpRequestFactory (HttpURLConnection). The 6.2 line (Spring Boot 3) beside 7.0's explicit one.
 */
@ContractSubset
class SpringRestTemplateDefault62ContractIT extends SpringWebContract {
    SpringRestTemplateDefault62ContractIT() {
        super(SpringWebApp.line6(), "REST_TEMPLATE", "DEFAULT");
    }
}
