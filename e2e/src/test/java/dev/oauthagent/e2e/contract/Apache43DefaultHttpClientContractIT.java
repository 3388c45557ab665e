package dev.oauthagent.e2e.contract;

/** The focused subset of the injection contract for Apache HttpClient: the deprecated DefaultHttpClient on 4.3. */
@ContractSubset
class Apache43DefaultHttpClientContractIT extends InjectionContract {
    private static final ClientApp APP = new Apache4App("DEFAULT_HTTP_CLIENT", Apache4App.OLDEST);

    @Override
    protected ClientApp app() {
        return APP;
    }
}
