package dev.oauthagent.e2e.contract;

import dev.oauthagent.e2e.support.JavaProcessBuilder;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * One HTTP client library as the {@link InjectionContract} drives it: a test app (an unmodified program using
 * that library), the arguments that make it send what a case needs, and the redirect policies it offers.
 *
 * <p>A test app for the contract accepts {@code --url} several times (each URL gets {@code --requests}
 * requests, in order), {@code --requests}, {@code --pause-ms}, {@code --method=GET|POST} and
 * {@code --header="Name: value"}, {@code --background-url} (a second thread GETs it every 100 ms while the
 * requests run), and prints {@code REQUEST <n> status=<code> ...} per request (n counts from 1
 * in URL order; {@code status=-1 ... error=<class>: <message>} when no response came) and then
 * {@code DONE ok=<n> failed=<m>}.
 */
public interface ClientApp {

    /** Short label for messages and log file names, e.g. "httpclient-app-async". */
    String name();

    /** The test app's runnable jar. */
    Path jar();

    /**
     * Puts the program on {@code process}'s command line: {@code -jar jar()}, or, for a program run against one of
     * several versions of its library, that version's jars on the class path beside it.
     */
    default JavaProcessBuilder program(JavaProcessBuilder process) {
        return process.jar(jar());
    }

    /**
     * The program arguments for {@code run} (URLs, counts, method, header, the redirect policy's own options, and
     * what makes an app that does not wait for answers send {@link AppRun#ordered() in order}).
     */
    List<String> args(AppRun run);

    /** Every redirect policy the library offers; the redirect matrix runs once per policy. */
    List<RedirectPolicy> redirectPolicies();

    /** The policy an application gets without choosing one. */
    RedirectPolicy defaultRedirectPolicy();

    /**
     * Whether the library sends a request to a URL with user info ({@code https://api.example.com@evil.com/});
     * one that refuses it (Apache HttpClient 5.6) cannot leak a token there.
     */
    default boolean sendsUrlsWithUserInfo() {
        return true;
    }

    /**
     * The {@code Authorization} the library itself sends to {@code url} without the agent, as the origin recorder
     * describes it ({@code OriginRecorder.describeAuthorization}), or null for none: e.g. Basic credentials it
     * takes from the URL's user info.
     */
    default String ownAuthorization(URI url) {
        return null;
    }

    /**
     * Checks what only this app's output tells about the run, after every run: e.g. that a framework sent through the
     * library it is said to ride on. Nothing by default.
     */
    default void assertRanAsDescribed(AppResult result) {
    }
}
