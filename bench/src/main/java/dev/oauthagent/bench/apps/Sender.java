package dev.oauthagent.bench.apps;

/** What {@link RequestLoop} sends through: one client library, set up once. */
interface Sender {
    /** One GET, body read to the end; returns the status. */
    int get() throws Exception;
}
