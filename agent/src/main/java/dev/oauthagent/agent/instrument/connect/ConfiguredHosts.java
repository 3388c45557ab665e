package dev.oauthagent.agent.instrument.connect;

/** Which client, if any, lists a host and port: the route table's answer, behind the injector. */
interface ConfiguredHosts {

    /** The client name, or null when no client lists {@code host} on {@code port}. */
    String clientFor(String host, int port);
}
