package dev.oauthagent.e2e.contract;

/** The injection contract for java.net.http.HttpClient.send. */
class HttpClientSyncContractIT extends InjectionContract {
    private static final ClientApp APP = new HttpClientApp("SYNC");

    @Override
    protected ClientApp app() {
        return APP;
    }
}
