package dev.oauthagent.agent.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Every key the agent understands. Add a key here, to docs/configuration.md and to agent.properties.example. */
public final class KnownKeys {
    public static final KnownKey ENABLED = KnownKey.global("enabled", "true",
            "Turn the agent off without removing -javaagent (true or false).", "true");
    public static final KnownKey LOG_LEVEL = KnownKey.global("log-level", "info",
            "The agent's own log level: error, warn, info or debug.", "info");
    public static final KnownKey CONFIG = KnownKey.global("config", null,
            "Path of the properties file to read (agent argument, system property or env var only).",
            "/etc/oauth-agent/agent.properties");
    public static final KnownKey STRICT = KnownKey.global("strict", "false",
            "Stop the JVM at start when the configuration has any problem (for CI and staging; true or false).",
            "true");

    public static final KnownKey SCRUB_ENABLED = KnownKey.global("scrub.enabled", "true",
            "Keep tokens and secrets out of the application's logs and System.out/err (true or false).", "true");
    public static final KnownKey SCRUB_PATTERNS = KnownKey.global("scrub.patterns", "true",
            "Also redact credentials the agent never saw: Bearer/Basic/DPoP headers, JWTs, access_token=... pairs.",
            "true");
    public static final KnownKey SCRUB_VALUES = KnownKey.global("scrub.values", null,
            "Extra values to redact, comma-separated: literals, ${env:NAME} or ${file:/path} (the app's own keys).",
            "${env:PAYMENT_API_KEY},${file:/run/secrets/db-password}").asSecret();
    public static final KnownKey SCRUB_REPLACEMENT = KnownKey.global("scrub.replacement", "[REDACTED]",
            "What a secret is replaced with: printable ASCII that does not itself look like a credential.",
            "[REDACTED]");
    public static final KnownKey SCRUB_FINGERPRINT = KnownKey.global("scrub.fingerprint", "false",
            "Add the secret's fingerprint to the replacement, [REDACTED:1a2b3c4d], to tell tokens apart.", "false");
    public static final KnownKey METRICS_LOG_INTERVAL = KnownKey.global("metrics-log-interval", null,
            "Log one summary line of each client's metrics this often (at least 1s); unset: never (the JMX MBean "
                    + "is always there).", "15m");

    /** Required unless issuer is set; exactly one of the two (see ClientConfigReader). */
    public static final KnownKey TOKEN_URL = KnownKey.client("token-url", null,
            "Token endpoint: absolute https URL (http only with allow-http=true). Set it or issuer, not both.",
            "https://auth.example.com/oauth2/token");
    public static final KnownKey ISSUER = KnownKey.client("issuer", null,
            "Authorization server's issuer: its endpoints come from its metadata document (RFC 8414, OpenID Connect"
                    + " Discovery). https, as token-url. Set it or token-url, not both.",
            "https://auth.example.com");
    public static final KnownKey GRANT_TYPE = KnownKey.client("grant-type", "client_credentials",
            "OAuth grant: client_credentials (a service), device_code or authorization_code (a person logs in), "
                    + "refresh_token (only the refresh token a login stored).", "client_credentials");
    public static final KnownKey CLIENT_ID = KnownKey.requiredClient("client-id",
            "Client identifier; may be a ${env:NAME} or ${file:/path} reference.", "billing-service")
            .allowingReferences();
    public static final KnownKey CLIENT_SECRET = KnownKey.requiredClient("client-secret",
            "Client secret: a literal, ${env:NAME} or ${file:/path}. Required unless client-auth=none.",
            "${env:BILLING_CLIENT_SECRET}").asSecret();
    public static final KnownKey CLIENT_AUTH = KnownKey.client("client-auth", "client_secret_basic",
            "How the client proves itself: client_secret_basic (Authorization header), client_secret_post (form "
                    + "body), client_secret_jwt (a JWT signed with the secret), private_key_jwt (a JWT signed with "
                    + "private-key), tls_client_auth or self_signed_tls_client_auth (mutual TLS with client-certificate); "
                    + "none for a public client of a user grant (client_id only).",
            "client_secret_basic");
    public static final KnownKey PRIVATE_KEY = KnownKey.client("private-key", null,
            "private_key_jwt's or mutual TLS's key: a PKCS#8 PEM (plain or encrypted) or a PKCS#12/JKS keystore "
                    + "(told by content; for mutual TLS a keystore holds the certificate too).", "/etc/oauth-agent/billing-key.pem");
    public static final KnownKey PRIVATE_KEY_PASSWORD = KnownKey.client("private-key-password", null,
            "Passphrase of an encrypted PEM, or the keystore's password: a literal, ${env:NAME} or ${file:/path}.",
            "${file:/run/secrets/billing-key-password}").asSecret();
    public static final KnownKey PRIVATE_KEY_ALIAS = KnownKey.client("private-key-alias", null,
            "The keystore entry to sign with (default: the keystore's only key).", "billing");
    public static final KnownKey CLIENT_CERTIFICATE = KnownKey.client("client-certificate", null,
            "Mutual TLS (tls_client_auth, self_signed_tls_client_auth): the client's certificate chain, PEM, the "
                    + "client's own first, for the PEM key in private-key; presented to the token endpoint only.",
            "/etc/oauth-agent/billing-chain.pem");
    public static final KnownKey SIGNING_ALGORITHM = KnownKey.client("signing-algorithm", null,
            "private_key_jwt's algorithm: RS256, PS256 or ES256 (default from the key: RSA RS256, EC P-256 ES256); "
                    + "client_secret_jwt signs HS256.", "PS256");
    public static final KnownKey KEY_ID = KnownKey.client("key-id", null,
            "The kid header of the client assertion, as the server knows the key (default: no kid).",
            "billing-2024");
    public static final KnownKey CLIENT_ASSERTION_AUDIENCE = KnownKey.client("client-assertion-audience",
            "token-endpoint", "The client assertion's aud: token-endpoint (its URL) or issuer (needs issuer).",
            "token-endpoint");
    public static final KnownKey CLIENT_ASSERTION = KnownKey.client("client-assertion", null,
            "A client assertion another party signs (a workload identity token): ${file:/path}, read again at every "
                    + "token request; selects this method, without client-auth or client-secret.",
            "${file:/var/run/secrets/tokens/oidc-token}").asReferencedSecret();
    public static final KnownKey CLIENT_ASSERTION_TYPE = KnownKey.client("client-assertion-type",
            "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            "The client_assertion_type sent with client-assertion.",
            "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
    public static final KnownKey DEVICE_AUTHORIZATION_URL = KnownKey.client("device-authorization-url", null,
            "Device authorization endpoint (RFC 8628); required for device_code unless issuer gives it. https, as "
                    + "token-url.",
            "https://auth.example.com/oauth2/device_authorization");
    public static final KnownKey AUTHORIZATION_URL = KnownKey.client("authorization-url", null,
            "Authorization endpoint the browser is sent to; required for authorization_code unless issuer gives it. "
                    + "https, as token-url.",
            "https://auth.example.com/oauth2/authorize");
    public static final KnownKey REDIRECT_URI = KnownKey.client("redirect-uri", UriRules.LOOPBACK_REDIRECT_EXAMPLE,
            "Loopback redirect of authorization_code: http on 127.0.0.1 or [::1], port 0 = free port; sent exactly as "
                    + "written.", "http://127.0.0.1:8765/callback");
    public static final KnownKey SCOPES = KnownKey.client("scopes", null,
            "Scopes to request, separated by spaces or commas.", "billing.read billing.write");
    public static final KnownKey AUDIENCE = KnownKey.client("audience", null,
            "Value of the audience parameter sent to the token endpoint (some servers require it).",
            "https://api.example.com");
    public static final KnownKey RESOURCE = KnownKey.client("resource", null,
            "RFC 8707 resource indicators: comma-separated absolute URIs without fragment.",
            "https://api.example.com/billing");
    public static final KnownKey HOSTS = KnownKey.client("hosts", null,
            "Requests to these hosts get the token: comma-separated host, *.domain, IPv4 or [IPv6], each with an "
                    + "optional :port.",
            "api.example.com, *.billing.example.com, localhost:8443");
    public static final KnownKey PATHS = KnownKey.client("paths", "/",
            "Path prefixes (starting with /) on those hosts that get the token, comma-separated.", "/api/,/v2/");
    public static final KnownKey ALLOW_HTTP = KnownKey.client("allow-http", "false",
            "Allow plain http for the token endpoint and for matched hosts. For local testing only.", "false");
    public static final KnownKey REFRESH_BEFORE = KnownKey.client("refresh-before", null,
            "Refresh this long before expiry (default: at half the token lifetime, with jitter).", "2m");
    public static final KnownKey EXPIRY_SKEW = KnownKey.client("expiry-skew", null,
            "Treat a token as expired this much early (default: 60s, or 10% of lifetimes under 10m).", "30s");
    public static final KnownKey WAIT_TIMEOUT = KnownKey.client("wait-timeout", "5s",
            "How long a request waits for a token being fetched before fail-mode applies.", "5s");
    public static final KnownKey FAIL_MODE = KnownKey.client("fail-mode", "closed",
            "No token in time: closed fails the request with an IOException, open sends it without a token.",
            "closed");
    public static final KnownKey CONNECT_TIMEOUT = KnownKey.client("connect-timeout", "5s",
            "Connect timeout for token endpoint calls.", "5s");
    public static final KnownKey READ_TIMEOUT = KnownKey.client("read-timeout", "10s",
            "Read timeout for token endpoint calls.", "10s");
    public static final KnownKey DEFAULT_EXPIRES_IN = KnownKey.client("default-expires-in", "5m",
            "Token lifetime assumed when a token response has no expires_in.", "5m");
    public static final KnownKey TRUSTSTORE = KnownKey.client("truststore", null,
            "Trust store file for the token endpoint's TLS certificate (default: the JVM's).",
            "/etc/oauth-agent/truststore.p12");
    public static final KnownKey TRUSTSTORE_PASSWORD = KnownKey.client("truststore-password", null,
            "Trust store password: a literal, ${env:NAME} or ${file:/path}.", "${file:/run/secrets/truststore-pw}")
            .asSecret();
    public static final KnownKey TRUSTSTORE_TYPE = KnownKey.client("truststore-type", null,
            "Trust store type, e.g. PKCS12 or JKS (default: the JVM's default type).", "PKCS12");
    public static final KnownKey TOKEN_STORE = KnownKey.client("token-store", null,
            "File keeping the client's refresh token between runs, encrypted (absolute path; the directory must "
                    + "exist).", "/var/lib/oauth-agent/billing.tokens");
    public static final KnownKey TOKEN_STORE_KEY = KnownKey.client("token-store-key", null,
            "Key of the token store: ${env:NAME} or ${file:/path} holding a base64 32-byte key "
                    + "(openssl rand -base64 32) or passphrase:<text>.", "${file:/run/secrets/billing-store-key}")
            .asReferencedSecret();
    public static final KnownKey TOKEN_STORE_KEY_PREVIOUS = KnownKey.client("token-store-key-previous", null,
            "The token store's key before token-store-key changed: still read, and the next write uses the new one.",
            "${file:/run/secrets/billing-store-key.old}").asReferencedSecret();
    public static final KnownKey TOKEN_STORE_ACCESS_TOKEN = KnownKey.client("token-store-access-token", "false",
            "Also keep the access token and its expiry in the token store (default: only the refresh token).",
            "false");
    public static final KnownKey PROXY = KnownKey.client("proxy", null,
            "HTTP proxy for the agent's calls to the authorization server, http://host:port (default: the JVM's "
                    + "https.proxyHost/http.proxyHost as set at start; http.nonProxyHosts still applies).",
            "http://proxy.example.com:3128");
    public static final KnownKey PROXY_USER = KnownKey.client("proxy-user", null,
            "User name for the proxy (Basic, sent to the proxy only): a literal, ${env:NAME} or ${file:/path}.",
            "${env:PROXY_USER}").allowingReferences();
    public static final KnownKey PROXY_PASSWORD = KnownKey.client("proxy-password", null,
            "Password for the proxy, with proxy-user: a literal, ${env:NAME} or ${file:/path}.",
            "${env:PROXY_PASSWORD}").asSecret();
    public static final KnownKey TOKEN_PARAMS = KnownKey.clientFamily("token-params",
            "An extra form parameter sent with every token request (not from env vars); the value may be a "
                    + "${env:NAME} or ${file:/path} reference and is never printed.", "my-vendor-value").asSecret();
    public static final KnownKey OVERRIDE_EXISTING = KnownKey.client("override-existing", "false",
            "Replace an Authorization header the application set itself (default: leave it alone).", "false");

    private static final List<KnownKey> GLOBAL = Collections.unmodifiableList(Arrays.asList(
            ENABLED, LOG_LEVEL, CONFIG, STRICT, SCRUB_ENABLED, SCRUB_PATTERNS, SCRUB_VALUES, SCRUB_REPLACEMENT,
            SCRUB_FINGERPRINT, METRICS_LOG_INTERVAL));
    private static final List<KnownKey> CLIENT = Collections.unmodifiableList(Arrays.asList(
            TOKEN_URL, ISSUER, GRANT_TYPE, CLIENT_ID, CLIENT_SECRET, CLIENT_AUTH, PRIVATE_KEY, PRIVATE_KEY_PASSWORD,
            PRIVATE_KEY_ALIAS, CLIENT_CERTIFICATE, SIGNING_ALGORITHM, KEY_ID, CLIENT_ASSERTION_AUDIENCE, CLIENT_ASSERTION,
            CLIENT_ASSERTION_TYPE, DEVICE_AUTHORIZATION_URL,
            AUTHORIZATION_URL, REDIRECT_URI, SCOPES, AUDIENCE, RESOURCE, HOSTS,
            PATHS, ALLOW_HTTP, REFRESH_BEFORE, EXPIRY_SKEW, WAIT_TIMEOUT, FAIL_MODE, CONNECT_TIMEOUT,
            READ_TIMEOUT, DEFAULT_EXPIRES_IN, TRUSTSTORE, TRUSTSTORE_PASSWORD, TRUSTSTORE_TYPE,
            TOKEN_STORE, TOKEN_STORE_KEY, TOKEN_STORE_KEY_PREVIOUS, TOKEN_STORE_ACCESS_TOKEN,
            PROXY, PROXY_USER, PROXY_PASSWORD, TOKEN_PARAMS,
            OVERRIDE_EXISTING));

    private KnownKeys() {
    }

    /** Global keys in documentation order. */
    public static List<KnownKey> global() {
        return GLOBAL;
    }

    /** Per-client keys in documentation order. */
    public static List<KnownKey> client() {
        return CLIENT;
    }

    public static List<KnownKey> all() {
        List<KnownKey> all = new ArrayList<>(GLOBAL);
        all.addAll(CLIENT);
        return Collections.unmodifiableList(all);
    }

    /** The global key with that name, or null. */
    public static KnownKey global(String name) {
        return find(GLOBAL, name);
    }

    /** The client key with that name, or null. */
    public static KnownKey client(String name) {
        return find(CLIENT, name);
    }

    private static KnownKey find(List<KnownKey> keys, String name) {
        for (KnownKey k : keys) {
            if (k.isNamed(name)) {
                return k;
            }
        }
        return null;
    }
}
