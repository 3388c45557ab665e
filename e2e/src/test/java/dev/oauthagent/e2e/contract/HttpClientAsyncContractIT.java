package dev.oauthagent.e2e.contract;

/** The injection contract for java.net.http.HttpClient.sendAsync (requests in flight together unless paced). */
class HttpClientAsyncContractIT extends InjectionContract {
    private static final ClientApp APP = new HttpClientApp("ASYNC");

    @Override
    protected ClientApp app() {
        return APP;
    }
}
