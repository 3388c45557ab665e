package dev.oauthagent.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationParserTest {
    @ParameterizedTest
    @CsvSource({"500ms,500", "30s,30000", "5m,300000", "1h,3600000", "30,30000", "0,0", "PT30S,30000",
            "pt1m30s,90000", "' 10s ',10000", "10 s,10000", "2M,120000"})
    void acceptsUnitsPlainSecondsAndIso8601(String text, long millis) throws InvalidValueException {
        assertThat(DurationParser.parse(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "1.5s", "5 minutes", "s", "", "5d", "P"})
    void rejectsGarbageListingTheAcceptedForms(String text) {
        assertThatThrownBy(() -> DurationParser.parse(text)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("is not a duration").hasMessageContaining(DurationParser.ACCEPTED_FORMS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-5s", "-1", "-PT5S", "PT-5S"})
    void rejectsNegativeDurations(String text) {
        assertThatThrownBy(() -> DurationParser.parse(text)).hasMessageContaining("negative");
    }

    @ParameterizedTest
    @ValueSource(strings = {"600h", "99999999999999999999s", "9999999999h", "PT1000H"})
    void rejectsDurationsTooLongForTheJdksIntMillisecondTimeouts(String text) {
        assertThatThrownBy(() -> DurationParser.parse(text)).hasMessageContaining("too long");
    }

    @ParameterizedTest
    @CsvSource({"500,500ms", "30000,30s", "300000,5m", "3600000,1h", "90000,90s", "0,0s"})
    void formatsDurationsInTheShortestExactUnit(long millis, String expected) {
        assertThat(DurationParser.format(Duration.ofMillis(millis))).isEqualTo(expected);
    }
}
