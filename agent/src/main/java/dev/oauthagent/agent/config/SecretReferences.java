package dev.oauthagent.agent.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

/**
 * Resolves {@code ${env:NAME}} and {@code ${file:/path}} references into {@link Secret}s. A value that is
 * not a reference is a literal. Messages name the variable or file and the reason, never a value: not the
 * resolved one, and not the raw one either, since a malformed reference may be a pasted secret.
 */
final class SecretReferences {
    /** Secret files hold a line or so; anything this big is the wrong file. */
    static final long MAX_FILE_BYTES = 64 * 1024;
    private static final SmallFileReader FILES = new SmallFileReader(MAX_FILE_BYTES, SmallFileReader.TIMEOUT_MILLIS);

    private static final String ENV = "${env:";
    private static final String FILE = "${file:";
    private static final String FORMS = "write ${env:NAME} or ${file:/path}";

    private final Map<String, String> env;

    SecretReferences(Map<String, String> env) {
        this.env = env;
    }

    /** True for anything that looks meant as a reference, including malformed ones. */
    static boolean looksLikeReference(String raw) {
        return raw.startsWith("${");
    }

    /** The origin a resolved secret will have; computable without resolving, for display. */
    static String originOf(String raw, String literalOrigin) {
        if (isComplete(raw, ENV)) {
            return "env var " + inner(raw, ENV);
        }
        if (isComplete(raw, FILE)) {
            return "file " + inner(raw, FILE);
        }
        return literalOrigin;
    }

    /**
     * @param literalOrigin the origin of the raw value ("properties file /p"), used when it is a literal
     */
    Secret resolve(String raw, String literalOrigin) throws InvalidValueException {
        if (!looksLikeReference(raw)) {
            return Secret.of(raw, literalOrigin);
        }
        if (isComplete(raw, ENV)) {
            return fromEnv(inner(raw, ENV));
        }
        if (isComplete(raw, FILE)) {
            return fromFile(inner(raw, FILE));
        }
        throw new InvalidValueException("starts with '${' but is not a complete reference; " + FORMS
                + " (value from " + literalOrigin + ")");
    }

    private Secret fromEnv(String name) throws InvalidValueException {
        if (name.isEmpty()) {
            throw new InvalidValueException("${env:} names no variable; " + FORMS);
        }
        String value = env.get(name);
        if (value == null) {
            throw new InvalidValueException("refers to env var " + name + ", which is not set; set it in the "
                    + "environment of this JVM or fix the name");
        }
        return Secret.of(value, "env var " + name);
    }

    private static Secret fromFile(String pathText) throws InvalidValueException {
        if (pathText.isEmpty()) {
            throw new InvalidValueException("${file:} names no file; " + FORMS);
        }
        try {
            return fromFile(Paths.get(pathText));
        } catch (java.nio.file.InvalidPathException e) {
            throw new InvalidValueException("refers to file " + pathText + ", which cannot be read ("
                    + e.getClass().getSimpleName() + "); fix the path or the file's permissions");
        }
    }

    /** The file's content as a secret; also what a file that changed is read with again ({@link Secret#reread}). */
    static Secret fromFile(Path path) throws InvalidValueException {
        String cannotRead = "refers to file " + path + ", which ";
        try {
            byte[] content = FILES.read(path);
            return Secret.fromFile(withoutOneTrailingNewline(new String(content, StandardCharsets.UTF_8)), path);
        } catch (SmallFileReader.Refused e) {
            throw new InvalidValueException(cannotRead + e.getMessage() + "; point it at a regular file holding "
                    + "only the value (at most " + SmallFileReader.describeSize(MAX_FILE_BYTES) + ")");
        } catch (NoSuchFileException e) {
            throw new InvalidValueException(cannotRead + "does not exist; create it or fix the path");
        } catch (AccessDeniedException e) {
            throw new InvalidValueException(cannotRead + "is not readable (permission denied); grant read access "
                    + "to the JVM's user");
        } catch (IOException e) {
            throw new InvalidValueException(cannotRead + "cannot be read (" + e.getClass().getSimpleName()
                    + "); fix the path or the file's permissions");
        }
    }

    /** Files written by editors and {@code echo} end in a newline that is not part of the secret. */
    static String withoutOneTrailingNewline(String s) {
        if (s.endsWith("\r\n")) {
            return s.substring(0, s.length() - 2);
        }
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }

    private static boolean isComplete(String raw, String prefix) {
        return raw.startsWith(prefix) && raw.endsWith("}") && raw.indexOf('}') == raw.length() - 1;
    }

    private static String inner(String raw, String prefix) {
        return raw.substring(prefix.length(), raw.length() - 1).trim();
    }
}
