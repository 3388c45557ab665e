/**
 * Programs the harnesses start as child JVMs, with and without {@code -javaagent}. They are packed alone in
 * {@code bench/target/bench-*-apps.jar} and depend on nothing but the JDK (except {@code LogLoop}, whose child
 * also gets slf4j and logback from {@code bench/target/logback}, and the senders through OkHttp and Apache
 * HttpClient and {@code LibraryHello}, whose child gets those libraries from {@code bench/target/http-libs}), so
 * the class path of a child is what a real application's would be: no agent classes, no Spring, no JMH.
 */
package dev.oauthagent.bench.apps;
