package dev.oauthagent.agent.instrument.urlconnection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatusLineTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "HTTP/1.1 401 Unauthorized | 401",
        "HTTP/1.0 200 OK           | 200",
        "HTTP/1.1 401              | 401",
        "HTTP/1.1 4011 Unknown     | -1",
        "HTTP/1.1 40x Unknown      | -1",
        "HTTP/1.1                  | -1",
        "ICY 200 OK                | -1",
        "null                      | -1",
    })
    void readsTheCodeOfAStatusLineOnly(String line, int expected) {
        assertThat(StatusLine.code(line)).isEqualTo(expected);
    }
}
