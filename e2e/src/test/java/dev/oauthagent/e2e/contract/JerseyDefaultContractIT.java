package dev.oauthagent.e2e.contract;

/** The focused contract for the Jersey 4 client on its default connector (HttpURLConnection). */
@ContractSubset
class JerseyDefaultContractIT extends JerseyContract {
    JerseyDefaultContractIT() {
        super("DEFAULT");
    }
}
