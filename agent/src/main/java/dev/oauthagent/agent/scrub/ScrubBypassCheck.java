package dev.oauthagent.agent.scrub;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * JVM settings that make secrets reach an output the redactor cannot clean: TLS debug output (hex dumps of
 * plaintext records), the JDK HTTP client's header log, and Apache HttpClient's wire log (request bytes in
 * chunks that may cut a token in two). Each is reported once at start, so that the operator knows scrubbing
 * has a hole while it is on.
 */
public final class ScrubBypassCheck {
    private static final String[] APACHE_WIRE_LOGGERS = {
        "org.apache.http.wire", "org.apache.http", "org.apache.hc.client5.http.wire", "org.apache.hc.client5.http"};

    private ScrubBypassCheck() {
    }

    /** One warning per setting found, naming the property and what to do; values are not repeated. */
    public static List<String> warnings(Map<String, String> systemProperties) {
        List<String> warnings = new ArrayList<>();
        String tlsDebug = systemProperties.get("javax.net.debug");
        if (tlsDebug != null && !tlsDebug.trim().isEmpty()) {
            warnings.add("javax.net.debug is set: the JDK's TLS debug output can show plaintext records (HTTP "
                    + "headers with tokens) as hex dumps, which log scrubbing cannot recognise; remove it outside "
                    + "of a debugging session");
        }
        String httpClientLog = lower(systemProperties.get("jdk.httpclient.HttpClient.log"));
        if (httpClientLog.contains("headers") || httpClientLog.contains("all")) {
            warnings.add("jdk.httpclient.HttpClient.log includes headers: java.net.http logs request headers, "
                    + "including Authorization, through System.Logger, where log scrubbing may not see them; "
                    + "remove 'headers' and 'all' from it");
        }
        for (Map.Entry<String, String> e : systemProperties.entrySet()) {
            if (isApacheWireLogger(e.getKey()) && isVerbose(lower(e.getValue()))) {
                warnings.add(e.getKey() + " turns on Apache HttpClient's wire log, which writes request bytes in "
                        + "chunks that can cut a token in two where log scrubbing cannot recognise it; set it to "
                        + "info or remove it");
            }
        }
        return warnings;
    }

    private static boolean isApacheWireLogger(String property) {
        for (String logger : APACHE_WIRE_LOGGERS) {
            if (property.endsWith("." + logger) || property.endsWith("/" + logger)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isVerbose(String level) {
        return level.equals("debug") || level.equals("trace") || level.equals("all");
    }

    private static String lower(String value) {
        return value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    }
}
