package dev.oauthagent.agent.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Reads the properties file named by {@code oauth.agent.config}. Keys are written in full
 * ({@code oauth.agent.clients.billing.token-url}), exactly as they would be as system properties, so lines
 * can move between the two. The file is read as UTF-8 with {@link Properties} syntax.
 */
final class PropertiesFileSource {
    /** A configuration file is a few kilobytes; anything this big is the wrong file. */
    static final long MAX_BYTES = 1024 * 1024;
    private static final SmallFileReader FILES = new SmallFileReader(MAX_BYTES, SmallFileReader.TIMEOUT_MILLIS);

    private PropertiesFileSource() {
    }

    /**
     * @param path the file
     * @param pathOrigin where the path came from, e.g. "agent argument config", for the not-found message
     */
    static List<SourcedValue> read(Path path, String pathOrigin, ProblemList problems) {
        List<SourcedValue> values = new ArrayList<>();
        String configKey = KnownKeys.CONFIG.fullKey(null);
        Properties properties = load(path, pathOrigin, configKey, problems);
        if (properties == null) {
            return values;
        }
        String origin = "properties file " + path;
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            if (key.equals(configKey)) {
                problems.addHarmless(key, "has no effect inside the properties file " + path
                        + "; name the file with the agent argument config=, -D" + configKey + " or "
                        + KeyNames.envName(configKey) + ", and remove this line");
                continue;
            }
            values.add(new SourcedValue(key, properties.getProperty(key).trim(), ConfigSource.FILE, origin));
        }
        return values;
    }

    private static Properties load(Path path, String pathOrigin, String configKey, ProblemList problems) {
        String fix = "fix the path (from " + pathOrigin + ") or remove it";
        try {
            byte[] content = FILES.read(path);
            Properties properties = new Properties();
            // A fresh decoder reports malformed input, as Files.newBufferedReader's does.
            try (Reader reader = new InputStreamReader(new ByteArrayInputStream(content),
                    StandardCharsets.UTF_8.newDecoder())) {
                properties.load(reader);
            }
            return properties;
        } catch (SmallFileReader.Refused e) {
            problems.add(configKey, "properties file " + describe(path) + " " + e.getMessage() + "; " + fix);
        } catch (NoSuchFileException e) {
            addMissing(path, configKey, fix, problems);
        } catch (AccessDeniedException e) {
            addNotReadable(path, configKey, fix, problems);
        } catch (CharacterCodingException e) {
            problems.add(configKey, "properties file " + describe(path) + " is not valid UTF-8; save it as UTF-8");
        } catch (IOException | IllegalArgumentException e) {
            problems.add(configKey, "properties file " + describe(path) + " cannot be read ("
                    + e.getClass().getSimpleName() + "); " + fix);
        }
        return null;
    }

    private static void addMissing(Path path, String configKey, String fix, ProblemList problems) {
        problems.add(configKey, "properties file " + describe(path) + " does not exist; " + fix);
    }

    private static void addNotReadable(Path path, String configKey, String fix, ProblemList problems) {
        problems.add(configKey, "properties file " + describe(path)
                + " is not readable (permission denied); grant read access to the JVM's user or " + fix);
    }

    /** The path as given, plus the absolute path when relative, since relative paths confuse. */
    static String describe(Path path) {
        return path.isAbsolute() ? path.toString() : path + " (absolute: " + path.toAbsolutePath() + ")";
    }
}
