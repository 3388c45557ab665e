package dev.oauthagent.e2e.contract;

/** The focused subset of the injection contract for OpenFeign over feign-okhttp (OkHttp 5). */
@ContractSubset
class FeignOkHttpContractIT extends FrameworkContract {
    FeignOkHttpContractIT() {
        super(FrameworkApp.feignOkHttp());
    }
}
