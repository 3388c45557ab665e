package dev.oauthagent.e2e.contract;

/**
 * The focused subset of the injection contract for OpenFeign over feign-okhttp (OkHttp 5): a framework adds no hook of its own, so
 * the subset proves its requests reach the instrumented client underneath, hop by hop.
 */
@ContractSubset
class FeignOkHttpContractIT extends InjectionContract {
    private static final ClientApp APP = FrameworkApp.feignOkHttp();

    @Override
    protected ClientApp app() {
        return APP;
    }
}
