package dev.oauthagent.testapps.feignretrofitapp;

import java.net.URISyntaxException;
import java.util.Map;

/** One framework's client, built once and used for every request of the run, as an application does. */
interface Sender {

    /** Sends one request and reads the whole answer; throws what the framework throws when no answer came. */
    Reply send(String method, String url, Map<String, String> headers) throws Exception;

    /** The jars the framework and its HTTP client came from, e.g. "feign-core-13.12.jar okhttp-jvm-5.3.2.jar". */
    String libraries();

    /** Lets the program end at once: stops the client's threads and closes its pooled connections. */
    void close();

    /** What came back: the status code and how many bytes the body had. */
    final class Reply {
        final int status;
        final int bytes;

        Reply(int status, int bytes) {
            this.status = status;
            this.bytes = bytes;
        }
    }

    /** The file name of the jar (or folder) {@code type} was loaded from. */
    static String jarOf(Class<?> type) {
        try {
            String path = type.getProtectionDomain().getCodeSource().getLocation().toURI().getPath();
            return path.substring(path.lastIndexOf('/', path.length() - 2) + 1);
        } catch (URISyntaxException | RuntimeException e) {
            return type.getName() + " (location unknown)";
        }
    }
}
