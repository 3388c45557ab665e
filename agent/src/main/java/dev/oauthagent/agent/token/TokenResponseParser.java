package dev.oauthagent.agent.token;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a token endpoint response body with jackson-core's streaming parser (no data binding: decision
 * 0001). Accepts exactly one JSON object; reads the RFC 6749 §5.1/§5.2 fields, checks their JSON types,
 * skips unknown fields whatever their shape, and refuses a field that appears twice (two different
 * {@code access_token}s leave no right answer).
 *
 * <p>{@code refresh_token} and OpenID Connect's {@code id_token} are kept although the client credentials
 * grant has no use for them: some servers return them anyway, and a credential the agent holds must be known
 * to the log scrubber. Both must be JSON strings like every other string field.
 *
 * <p>Jackson's own exception messages are never passed on: they quote the offending input, which may be a
 * token. Only the position is reported.
 */
public final class TokenResponseParser {
    private static final List<String> STRING_FIELDS = Arrays.asList(
            "access_token", "token_type", "scope", "refresh_token", "id_token", "error", "error_description",
            "error_uri");
    private static final String EXPIRES_IN = "expires_in";

    // The body is already capped at 1 MiB by the HTTP client; these limits keep a hostile body from costing
    // more than that (deeply nested unknown fields, thousand-digit numbers). Shared with TokenEndpointDiscovery.
    static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(32)
                    .maxNumberLength(64)
                    .build())
            .build();

    public TokenResponse parse(byte[] body) throws MalformedTokenResponseException {
        try (JsonParser p = JSON.createParser(body)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new MalformedTokenResponseException("the body is empty");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new MalformedTokenResponseException("the body is " + describe(first) + ", not a JSON object");
            }
            TokenResponse response = readObject(p);
            if (p.nextToken() != null) {
                throw new MalformedTokenResponseException("the body has more content after the JSON object");
            }
            return response;
        } catch (JsonProcessingException e) {
            throw new MalformedTokenResponseException("the body is not valid JSON" + position(e.getLocation()));
        } catch (IOException e) {
            // Reading a byte array cannot fail with real I/O; treat anything else jackson throws the same way.
            throw new MalformedTokenResponseException("the body is not valid JSON");
        }
    }

    private static TokenResponse readObject(JsonParser p) throws IOException, MalformedTokenResponseException {
        Set<String> seen = new HashSet<>();
        String accessToken = null;
        String tokenType = null;
        BigDecimal expiresIn = null;
        String scope = null;
        String refreshToken = null;
        String idToken = null;
        String error = null;
        String errorDescription = null;
        String errorUri = null;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (!seen.add(name)) {
                throw new MalformedTokenResponseException("the body has the field "
                        + (isKnown(name) ? "'" + name + "' " : "") + "more than once");
            }
            if (EXPIRES_IN.equals(name)) {
                expiresIn = readNumber(p, value);
            } else if (STRING_FIELDS.contains(name)) {
                String s = readString(p, name, value);
                switch (name) {
                    case "access_token": accessToken = s; break;
                    case "token_type": tokenType = s; break;
                    case "scope": scope = s; break;
                    case "refresh_token": refreshToken = s; break;
                    case "id_token": idToken = s; break;
                    case "error": error = s; break;
                    case "error_description": errorDescription = s; break;
                    case "error_uri": errorUri = s; break;
                    default: break; // unreachable: every STRING_FIELDS name has a case
                }
            } else {
                p.skipChildren(); // unknown field: any shape, ignored
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new MalformedTokenResponseException("the body is not valid JSON");
        }
        return new TokenResponse(accessToken, tokenType, expiresIn, scope, refreshToken, idToken, error,
                errorDescription, errorUri);
    }

    private static String readString(JsonParser p, String name, JsonToken value)
            throws IOException, MalformedTokenResponseException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.VALUE_STRING) {
            throw new MalformedTokenResponseException("the field '" + name + "' is " + describe(value)
                    + ("id_token".equals(name) ? "; OpenID Connect requires a string (a JWT)"
                            : "; RFC 6749 requires a string"));
        }
        return p.getText();
    }

    private static BigDecimal readNumber(JsonParser p, JsonToken value)
            throws IOException, MalformedTokenResponseException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value == JsonToken.VALUE_NUMBER_INT) {
            return new BigDecimal(p.getBigIntegerValue());
        }
        if (value == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getDecimalValue();
        }
        // A quoted "3600" is refused rather than guessed at: RFC 6749 §5.1 makes expires_in a number, and a
        // server that quotes it may mean something else (a date, milliseconds).
        throw new MalformedTokenResponseException("the field 'expires_in' is " + describe(value)
                + "; RFC 6749 §5.1 requires a JSON number of seconds");
    }

    private static boolean isKnown(String name) {
        return EXPIRES_IN.equals(name) || STRING_FIELDS.contains(name);
    }

    private static String describe(JsonToken t) {
        switch (t) {
            case START_ARRAY: return "a JSON array";
            case START_OBJECT: return "a JSON object";
            case VALUE_STRING: return "a JSON string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT: return "a JSON number";
            case VALUE_TRUE:
            case VALUE_FALSE: return "a JSON boolean";
            case VALUE_NULL: return "JSON null";
            default: return "not a JSON value";
        }
    }

    private static String position(JsonLocation at) {
        return at == null || at.getLineNr() < 0 ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }
}
