package dev.oauthagent.e2e.contract;

/**
 * The focused subset of the injection contract for Apache HttpClient: the deprecated DefaultHttpClient (its
 * DefaultRequestDirector) on the newest 4.x line.
 */
@ContractSubset
class Apache4DefaultHttpClientContractIT extends InjectionContract {
    private static final ClientApp APP = new Apache4App("DEFAULT_HTTP_CLIENT", Apache4App.NEWEST);

    @Override
    protected ClientApp app() {
        return APP;
    }
}
