package dev.oauthagent.testapps.apache4app;

import org.apache.http.client.RedirectStrategy;
import org.apache.http.client.params.ClientPNames;
import org.apache.http.client.params.HttpClientParams;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.DefaultHttpClient;
import org.apache.http.impl.client.DefaultRedirectStrategy;
import org.apache.http.impl.client.HttpClientBuilder;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.client.LaxRedirectStrategy;
import org.apache.http.params.HttpConnectionParams;

/** The classic clients, as applications build them: the 4.3+ builder, or the deprecated DefaultHttpClient. */
final class ClassicClients {
    private ClassicClients() {
    }

    /** {@code HttpClients.custom()}: one pooling client for every URL, with the redirect strategy asked for. */
    static CloseableHttpClient builder(Options options) {
        HttpClientBuilder builder = HttpClients.custom().setDefaultRequestConfig(Requests.TIMEOUTS);
        if ("NONE".equals(options.redirect)) {
            builder.disableRedirectHandling();
        } else {
            builder.setRedirectStrategy(strategy(options));
        }
        if (options.basicAuth != null) {
            builder.setDefaultCredentialsProvider(Requests.credentials(options));
        }
        return builder.build();
    }

    /** {@code new DefaultHttpClient()}, configured through its params as applications of the 4.0 days did. */
    @SuppressWarnings("deprecation")
    static CloseableHttpClient defaultHttpClient(Options options) {
        DefaultHttpClient client = new DefaultHttpClient();
        HttpConnectionParams.setConnectionTimeout(client.getParams(), 5000);
        HttpConnectionParams.setSoTimeout(client.getParams(), 60000);
        if ("NONE".equals(options.redirect)) {
            HttpClientParams.setRedirecting(client.getParams(), false);
        } else {
            client.getParams().setParameter(ClientPNames.ALLOW_CIRCULAR_REDIRECTS, false);
            client.setRedirectStrategy(strategy(options));
        }
        if (options.basicAuth != null) {
            client.setCredentialsProvider(Requests.credentials(options));
        }
        return client;
    }

    static RedirectStrategy strategy(Options options) {
        return "LAX".equals(options.redirect) ? new LaxRedirectStrategy() : new DefaultRedirectStrategy();
    }
}
