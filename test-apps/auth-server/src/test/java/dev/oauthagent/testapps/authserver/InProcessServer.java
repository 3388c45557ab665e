package dev.oauthagent.testapps.authserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The auth server in the test's JVM on a free port, with extra {@code --name=value} options. */
final class InProcessServer implements AutoCloseable {
    private static InProcessServer shared;

    private final ConfigurableApplicationContext context;
    private final URI issuer;

    private InProcessServer(ConfigurableApplicationContext context) {
        this.context = context;
        this.issuer = URI.create(context.getBean(IssuerAnnouncer.class).issuer());
    }

    /**
     * One server with the default options for all test classes of this JVM, closed by Spring's shutdown hook when
     * the JVM exits: each start costs seconds.
     */
    static synchronized InProcessServer shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    static InProcessServer start(String... options) {
        List<String> args = new ArrayList<>(List.of(options));
        args.add("--port=0");
        SpringApplication app = new SpringApplication(AuthServerApplication.class);
        // Tomcat's work folder under target/, not the system temp folder: the JVM leaves it when it exits.
        app.setDefaultProperties(Map.of("server.tomcat.basedir", tomcatBaseDir()));
        app.setBannerMode(Banner.Mode.OFF);
        app.setLogStartupInfo(false);
        return new InProcessServer(app.run(args.toArray(String[]::new)));
    }

    private static String tomcatBaseDir() {
        try {
            Path target = Files.createDirectories(Paths.get("target"));
            return Files.createTempDirectory(target, "tomcat.").toAbsolutePath().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI issuer() {
        return issuer;
    }

    URI endpoint(String path) {
        return issuer.resolve(path);
    }

    @Override
    public void close() {
        context.close();
    }
}
