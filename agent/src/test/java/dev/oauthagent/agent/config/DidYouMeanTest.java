package dev.oauthagent.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Collections;

import org.junit.jupiter.api.Test;

class DidYouMeanTest {
    @Test
    void distanceCountsInsertionsDeletionsAndSubstitutions() {
        assertThat(DidYouMean.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(DidYouMean.distance("token-url", "token-url")).isZero();
        assertThat(DidYouMean.distance("", "abc")).isEqualTo(3);
        assertThat(DidYouMean.distance("client-secre", "client-secret")).isEqualTo(1);
    }

    @Test
    void suggestsTheClosestCandidateWithinThreeEdits() {
        assertThat(DidYouMean.closest("scope", Arrays.asList("scopes", "hosts", "paths"))).isEqualTo("scopes");
    }

    @Test
    void suggestsNothingWhenEveryCandidateIsMoreThanThreeEditsAway() {
        assertThat(DidYouMean.closest("frobnicate", Arrays.asList("scopes", "hosts"))).isNull();
        assertThat(DidYouMean.closest("x", Collections.<String>emptyList())).isNull();
    }

    @Test
    void settingsSuggestTheFullKeyForAKeyMissingThePrefix() {
        assertThat(Settings.suggestion("clients.billing.hosts", Collections.<String>emptySet()))
                .isEqualTo("oauth.agent.clients.billing.hosts");
    }

    @Test
    void settingsSuggestKeysOfClientsKnownFromOtherKeys() {
        assertThat(Settings.suggestion("oauth.agent.client.billing.hosts", Collections.singleton("billing")))
                .isEqualTo("oauth.agent.clients.billing.hosts");
    }

    @Test
    void settingsSuggestClientsForClientEvenWhenNoKeyNamesTheClient() {
        // Every key of the file had the slip, so no valid key tells the client's name.
        assertThat(Settings.suggestion("oauth.agent.client.api.token-url", Collections.<String>emptySet()))
                .isEqualTo("oauth.agent.clients.api.token-url");
        assertThat(Settings.suggestion("client.api.client-secret", Collections.<String>emptySet()))
                .isEqualTo("oauth.agent.clients.api.client-secret");
    }
}
