package dev.oauthagent.testapps.apache4app;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Traffic beside the main requests: a daemon thread that GETs one URL with the same client every 100 ms until the
 * program ends, as a busy application's other threads do. Counts its answers; prints nothing per request.
 */
final class Background implements Runnable {
    /** One GET with the app's client: its status. */
    interface Get {
        int status(String url) throws Exception;
    }

    private final Get get;
    private final String url;
    private final AtomicInteger ok = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();

    private Background(Get get, String url) {
        this.get = get;
        this.url = url;
    }

    static Background start(Get get, String url) {
        Background background = new Background(get, url);
        Thread thread = new Thread(background, "background-requests");
        thread.setDaemon(true);
        thread.start();
        return background;
    }

    @Override
    public void run() {
        while (true) {
            try {
                int status = get.status(url);
                (status >= 200 && status < 300 ? ok : failed).incrementAndGet();
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                failed.incrementAndGet();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    String summary() {
        return "BACKGROUND ok=" + ok.get() + " failed=" + failed.get();
    }
}
