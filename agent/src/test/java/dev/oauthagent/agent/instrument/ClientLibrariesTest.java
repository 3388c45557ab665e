package dev.oauthagent.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientLibrariesTest {

    @Test
    void theJdksOwnClientsAreCoveredAndNeedNoMarkerClass() {
        ClientLibrary urlConnection = ClientLibraries.ofClass("sun.net.www.protocol.http.HttpURLConnection");
        ClientLibrary httpsClient = ClientLibraries.ofClass("sun.net.www.protocol.https.HttpsClient");
        ClientLibrary httpClient = ClientLibraries.ofClass("jdk.internal.net.http.PlainHttpConnection");

        assertThat(urlConnection).isSameAs(httpsClient);
        assertThat(urlConnection.isCovered()).isTrue();
        assertThat(urlConnection.isBuiltIn()).isTrue();
        assertThat(httpClient.name()).startsWith("java.net.http.HttpClient");
        assertThat(httpClient.isCovered()).isTrue();
    }

    @Test
    void theMostSpecificPackageWinsWhereLibrariesNest() {
        assertThat(ClientLibraries.ofClass("org.apache.http.impl.nio.reactor.DefaultConnectingIOReactor").name())
                .isEqualTo("Apache HttpAsyncClient 4.x");
        assertThat(ClientLibraries.ofClass("org.apache.http.impl.conn.DefaultHttpClientConnectionOperator").name())
                .isEqualTo("Apache HttpClient 4.x");
        assertThat(ClientLibraries.ofClass("org.apache.hc.core5.reactor.SingleCoreIOReactor").name())
                .as("an async client's I/O thread runs only its core's code").isEqualTo("Apache HttpClient 5.x");
    }

    @Test
    void aClassOfNoKnownLibraryAndAPackageThatOnlyLooksLikeOneAreNoLibrary() {
        assertThat(ClientLibraries.ofClass("com.example.App")).isNull();
        assertThat(ClientLibraries.ofClass("sun.net.NetworkClient")).isNull();
        assertThat(ClientLibraries.ofClass("okhttp3x.Client")).isNull();
        assertThat(ClientLibraries.ofClass("io.nettyx.Channel")).isNull();
    }

    @Test
    void everyLibraryHasItsOwnNameAndEveryOtherThanTheJdksAMarkerInItsOwnPackages() {
        Set<String> names = new HashSet<>();
        for (ClientLibrary library : ClientLibraries.all()) {
            assertThat(names.add(library.name())).as("unique name %s", library.name()).isTrue();
            if (!library.isBuiltIn()) {
                assertThat(ClientLibraries.ofClass(library.markerClass())).as(library.name()).isSameAs(library);
            }
        }
    }
}
