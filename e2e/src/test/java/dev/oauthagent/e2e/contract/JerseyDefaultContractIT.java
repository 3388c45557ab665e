package dev.oauthagent.e2e.contract;

/** The focused contract for the Jersey client on Jersey's default connector (HttpURLConnection), which needs no hook of its own. */
@ContractSubset
class JerseyDefaultContractIT extends InjectionContract {
    private static final ClientApp APP = new JerseyApp("DEFAULT");

    @Override
    protected ClientApp app() {
        return APP;
    }
}
