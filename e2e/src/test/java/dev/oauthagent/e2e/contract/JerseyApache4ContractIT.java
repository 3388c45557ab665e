package dev.oauthagent.e2e.contract;

/** The focused contract for the Jersey 3.1 client on jersey-apache-connector (Apache HttpClient 4.5). */
@ContractSubset
class JerseyApache4ContractIT extends JerseyContract {
    JerseyApache4ContractIT() {
        super("APACHE");
    }
}
