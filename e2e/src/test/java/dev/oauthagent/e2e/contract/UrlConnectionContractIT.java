package dev.oauthagent.e2e.contract;

/** The injection contract for HttpURLConnection (sun.net.www.protocol.http), one request after another. */
class UrlConnectionContractIT extends InjectionContract {
    private static final ClientApp APP = new UrlConnectionApp();

    @Override
    protected ClientApp app() {
        return APP;
    }
}
