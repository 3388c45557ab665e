package dev.oauthagent.e2e.contract;

/**
 * The focused subset of the injection contract for OpenFeign's default client (HttpURLConnection): a framework adds no hook of its own, so
 * the subset proves its requests reach the instrumented client underneath, hop by hop.
 */
@ContractSubset
class FeignDefaultContractIT extends InjectionContract {
    private static final ClientApp APP = FrameworkApp.feignDefault();

    @Override
    protected ClientApp app() {
        return APP;
    }
}
