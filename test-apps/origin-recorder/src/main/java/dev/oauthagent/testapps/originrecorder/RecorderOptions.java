package dev.oauthagent.testapps.originrecorder;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code --port=N} (default 0 = any free port) and {@code --tls-keystore=<PKCS12 file>} (default: plain http).
 *
 * @param tlsKeystore null for plain http
 */
record RecorderOptions(int port, Path tlsKeystore) {

    static RecorderOptions parse(String[] args) {
        int port = 0;
        Path keystore = null;
        for (String arg : args) {
            if (arg.startsWith("--port=")) {
                port = port(arg.substring("--port=".length()));
            } else if (arg.startsWith("--tls-keystore=")) {
                keystore = Path.of(arg.substring("--tls-keystore=".length()));
                if (!Files.isReadable(keystore)) {
                    throw new IllegalArgumentException(arg + ": no readable file there; create one with keytool "
                            + "-genkeypair -storetype PKCS12");
                }
            } else {
                throw new IllegalArgumentException("unknown argument '" + arg
                        + "': the options are --port=N and --tls-keystore=<PKCS12 file>");
            }
        }
        return new RecorderOptions(port, keystore);
    }

    private static int port(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port=" + value + " is not a port number: use e.g. --port=0 (any free port)");
        }
    }
}
