package dev.oauthagent.e2e.contract;

/** The injection contract for Apache HttpClient: HttpAsyncClient 4.1 (HttpAsyncClients.custom()) on HttpClient 4.5. */
class Apache4AsyncContractIT extends InjectionContract {
    private static final ClientApp APP = new Apache4App("ASYNC", Apache4App.NEWEST);

    @Override
    protected ClientApp app() {
        return APP;
    }
}
