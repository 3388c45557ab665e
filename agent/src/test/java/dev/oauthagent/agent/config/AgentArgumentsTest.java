package dev.oauthagent.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class AgentArgumentsTest {
    private static List<SourcedValue> parse(String args) {
        ProblemList problems = new ProblemList();
        List<SourcedValue> values = AgentArguments.parse(args, problems);
        assertThat(problems.list()).isEmpty();
        return values;
    }

    @Test
    void commaSeparatesPairsAndShortKeysGetTheFullPrefix() {
        List<SourcedValue> values = parse("config=/etc/agent.properties,clients.billing.hosts=api.example.com");
        assertThat(values).extracting(v -> v.key)
                .containsExactly("oauth.agent.config", "oauth.agent.clients.billing.hosts");
        assertThat(values).extracting(v -> v.value).containsExactly("/etc/agent.properties", "api.example.com");
        assertThat(values).extracting(v -> v.source).containsOnly(ConfigSource.ARG);
    }

    @Test
    void fullKeysAreKeptAsWritten() {
        assertThat(parse("oauth.agent.log-level=debug")).extracting(v -> v.key).containsExactly("oauth.agent.log-level");
    }

    @Test
    void backslashCommaIsALiteralCommaInsideAValue() {
        assertThat(parse("clients.b.hosts=a.example.com\\,b.example.com,log-level=info"))
                .extracting(v -> v.value).containsExactly("a.example.com,b.example.com", "info");
    }

    @Test
    void doubleBackslashIsOneLiteralBackslash() {
        assertThat(parse("config=C:\\\\agent\\\\a.properties")).extracting(v -> v.value)
                .containsExactly("C:\\agent\\a.properties");
    }

    @Test
    void backslashBeforeAnyOtherCharacterIsKeptSoWindowsPathsNeedNoEscaping() {
        assertThat(parse("config=C:\\agent\\a.properties")).extracting(v -> v.value)
                .containsExactly("C:\\agent\\a.properties");
    }

    @Test
    void onlyTheFirstEqualsSignSeparatesKeyFromValue() {
        assertThat(parse("clients.b.audience=a=b")).extracting(v -> v.value).containsExactly("a=b");
    }

    @Test
    void emptyPairsFromTrailingOrDoubledCommasAreIgnored() {
        assertThat(parse("log-level=info,,")).hasSize(1);
    }

    @Test
    void nullOrEmptyArgumentsYieldNothing() {
        assertThat(parse(null)).isEmpty();
        assertThat(parse("")).isEmpty();
    }

    @Test
    void escapedCommaInAnArgumentReachesTheLoadedConfiguration() throws ConfigException {
        ClientConfig c = ConfigInput.withValidClient("billing")
                .args("clients.billing.scopes=a\\,b,clients.billing.hosts=x.example.com\\,y.example.com")
                .load().config().client("billing");
        assertThat(c.scopes()).containsExactly("a", "b");
        assertThat(c.hosts()).containsExactly("x.example.com", "y.example.com");
    }

    @Test
    void escapedPairsSplitBackIntoExactlyWhatWasEscaped() {
        List<String> pairs = List.of("config=C:\\odd,dir\\a.properties", "clients.b.hosts=a\\,b", "log-level=info");

        String joined = String.join(",", pairs.stream().map(AgentArguments::escape).toList());

        assertThat(AgentArguments.splitPairs(joined)).containsExactlyElementsOf(pairs);
    }
}
