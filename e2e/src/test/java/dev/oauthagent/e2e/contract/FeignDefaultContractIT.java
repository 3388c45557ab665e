package dev.oauthagent.e2e.contract;

/** The focused subset of the injection contract for OpenFeign's default client (HttpURLConnection). */
@ContractSubset
class FeignDefaultContractIT extends FrameworkContract {
    FeignDefaultContractIT() {
        super(FrameworkApp.feignDefault());
    }
}
