package dev.oauthagent.agent.instrument.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Judging frames as the stack walk hands them over, innermost first. Names alone (as on Java 8) for the libraries,
 * which are not on this class path; a real class for the JDK's and the application's frames.
 */
class ConnectionOpenerTest {
    /** Stands for the application's or a library's code: a class from a jar on the application class path. */
    private static final Class<?> APPLICATION = Assertions.class;

    @Test
    void theJdksHttpUrlConnectionBelowTheApplicationIsCovered() {
        Opener opener = judge(
                frame(ConnectAdviceStandIn.class), frame(Socket.class), frame("sun.security.ssl.SSLSocketImpl"),
                frame("sun.net.NetworkClient"), frame("sun.net.www.http.HttpClient"),
                frame("sun.net.www.protocol.https.HttpsClient"), frame("sun.net.www.protocol.http.HttpURLConnection"),
                frame(APPLICATION));

        assertThat(opener.isCovered()).isTrue();
    }

    @Test
    void javaNetHttpConnectingOnItsOwnThreadIsCovered() {
        Opener opener = judge(frame("sun.nio.ch.SocketChannelImpl"), frame("java.security.AccessController"),
                frame("jdk.internal.net.http.PlainHttpConnection"), frame("java.util.concurrent.ThreadPoolExecutor"),
                frame(Thread.class));

        assertThat(opener.isCovered()).isTrue();
    }

    @Test
    void aKnownLibraryTheAgentDoesNotInstrumentIsNamedWithTheClassThatConnects() {
        Opener opener = judge(frame("sun.nio.ch.SocketChannelImpl"), frame("org.eclipse.jetty.io.ClientConnector"),
                frame("org.eclipse.jetty.client.HttpClient"), frame(APPLICATION));

        assertThat(opener.isCovered()).isFalse();
        assertThat(opener.libraryKey()).isEqualTo("Jetty HttpClient");
        assertThat(opener.describe()).isEqualTo("Jetty HttpClient (org.eclipse.jetty.io.ClientConnector)");
    }

    @Test
    void anUnknownLibraryIsNamedByItsFirstFrameOutsideTheJdkWithItsLocation() {
        Opener opener = judge(frame(Socket.class), frame(APPLICATION), frame("org.junit.Runner"));

        assertThat(opener.isCovered()).isFalse();
        assertThat(opener.describe()).startsWith(APPLICATION.getName() + " (in assertj-core-")
                .matches(".*\\.jar, version \\d.*\\)");
        assertThat(opener.libraryKey()).as("the jar's file name").startsWith("assertj-core-").endsWith(".jar");
    }

    @Test
    void aCoveredClientBelowAnUncoveredOneIsNotReached() {
        // An uncovered library that itself calls into HttpURLConnection would be covered; one whose connect is its
        // own stops the walk at its own frame, before any covered frame further out.
        Opener opener = judge(frame(Socket.class), frame("org.eclipse.jetty.io.ClientConnector"),
                frame("sun.net.www.protocol.http.HttpURLConnection"));

        assertThat(opener.isCovered()).isFalse();
        assertThat(opener.libraryKey()).isEqualTo("Jetty HttpClient");
    }

    @Test
    void framesOfTheAgentItselfArePassedOver() {
        Opener opener = judge(frame(ConnectionOpenerTest.class), frame(Socket.class), frame(APPLICATION));

        assertThat(opener.describe()).startsWith(APPLICATION.getName());
    }

    @Test
    void aConnectionTheJdkOpensOnItsOwnIsNamedByItsFirstClassAboveTheSocketLayer() {
        Opener opener = judge(frame(Socket.class), frame("com.sun.jndi.ldap.Connection"), frame(Thread.class));

        assertThat(opener.isCovered()).isFalse();
        assertThat(opener.describe()).isEqualTo("the JDK's com.sun.jndi.ldap.Connection");
    }

    private static Opener judge(Object[]... frames) {
        ConnectionOpener opener = new ConnectionOpener();
        for (Object[] frame : frames) {
            if (opener.visit((Class<?>) frame[0], (String) frame[1])) {
                break;
            }
        }
        return opener.result();
    }

    private static Object[] frame(Class<?> type) {
        return new Object[] {type, type.getName()};
    }

    /** A frame known by name only, as on Java 8. */
    private static Object[] frame(String className) {
        return new Object[] {null, className};
    }

    /** Stands for the agent's own frames (its package). */
    private static final class ConnectAdviceStandIn {
    }
}
