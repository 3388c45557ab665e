package dev.oauthagent.agent.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonWriterTest {
    @Test
    void placesCommasBetweenMembersAndItemsOfNestedObjectsAndArrays() {
        String json = new JsonWriter().beginObject().name("a").value("x").name("b").beginArray().value(1).value(true)
                .beginObject().name("c").value((String) null).endObject().endArray().name("d").beginArray().endArray()
                .endObject().toString();

        assertThat(json).isEqualTo("{\"a\":\"x\",\"b\":[1,true,{\"c\":null}],\"d\":[]}");
    }

    @Test
    void escapesQuotesBackslashesControlCharactersAndHtmlSensitiveCharacters() {
        String json = new JsonWriter().value("a\"b\\c\nd\re\tf\u0001g<h>&i\u2028j\u2029k é").toString();

        assertThat(json).isEqualTo("\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u003ch\\u003e\\u0026i\\u2028j\\u2029k é\"");
    }
}
