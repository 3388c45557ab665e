package dev.oauthagent.agent.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds secrets written as literals on the JVM's command line: in the agent arguments or in {@code -D} system
 * properties. Every local user can read them there ({@code /proc/<pid>/cmdline}, {@code ps}, JMX
 * {@code RuntimeMXBean.getInputArguments()}), so each one is worth a warning at start that names the key (never
 * the value) and the reference that keeps the value off the command line. A value that is a
 * {@code ${env:...}} or {@code ${file:...}} reference is fine: only its name is visible.
 *
 * <p>Every value of those two sources counts, not only the winner of its key: a literal overridden by a
 * higher source is still on the command line.
 */
final class CommandLineSecrets {
    private CommandLineSecrets() {
    }

    static List<String> warnings(List<SourcedValue> agentArguments, List<SourcedValue> systemProperties) {
        List<String> warnings = new ArrayList<>();
        add(warnings, agentArguments);
        add(warnings, systemProperties);
        return warnings;
    }

    private static void add(List<String> warnings, List<SourcedValue> values) {
        for (SourcedValue v : values) {
            KeyNames.ParsedKey parsed = KeyNames.parse(v.key);
            // A key that refuses literals (token-store-key) gets an error instead, which stops its client.
            if (parsed.key == null || !parsed.key.secret() || !parsed.key.literalAllowed()) {
                continue;
            }
            if (parsed.key == KnownKeys.SCRUB_VALUES ? hasLiteralEntry(v.value) : isLiteral(v.value)) {
                warnings.add(warning(v, parsed));
            }
        }
    }

    private static String warning(SourcedValue v, KeyNames.ParsedKey parsed) {
        String forms = parsed.clientName == null
                ? "as ${env:NAME} or ${file:/path} entries"
                : "as " + KeyNames.envReferenceExample(parsed.clientName, parsed.key.name()) + " or "
                        + KeyNames.fileReferenceExample(parsed.clientName, parsed.key.name());
        return v.origin + " holds a literal secret, readable by every local user on the JVM's command line "
                + "(/proc/<pid>/cmdline, ps, JMX getInputArguments); write it " + forms + " and keep the value in "
                + "that variable or file";
    }

    private static boolean isLiteral(String value) {
        return !value.isEmpty() && !SecretReferences.looksLikeReference(value);
    }

    private static boolean hasLiteralEntry(String list) {
        for (String entry : TextValues.splitOnCommas(list)) {
            if (isLiteral(entry)) {
                return true;
            }
        }
        return false;
    }
}
