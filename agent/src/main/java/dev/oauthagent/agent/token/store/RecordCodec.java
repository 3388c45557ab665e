package dev.oauthagent.agent.token.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The encrypted part of a store file (format version 1): the token endpoint, the refresh token, whether an
 * access token follows (then it and its expiry in epoch seconds), and when the record was saved (epoch
 * milliseconds). Strings are a 4-byte length and UTF-8. Only an authenticated plaintext is decoded, so a
 * failure here means a bug or a file forged with the key, never plain damage.
 */
final class RecordCodec {
    /** Far above any real token; a length beyond it is a broken record, not an allocation to attempt. */
    private static final int MAX_STRING_BYTES = 256 * 1024;

    private RecordCodec() {
    }

    static byte[] encode(TokenRecord record) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writeString(out, record.tokenEndpoint());
            writeString(out, record.refreshToken());
            out.writeBoolean(record.accessToken() != null);
            if (record.accessToken() != null) {
                writeString(out, record.accessToken());
                out.writeLong(record.accessTokenExpiresAt().getEpochSecond());
            }
            out.writeLong(record.savedAt().toEpochMilli());
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /** @throws IOException when the bytes are not a whole record */
    static TokenRecord decode(byte[] plaintext) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(plaintext));
        String endpoint = readString(in);
        String refreshToken = readString(in);
        if (refreshToken.isEmpty()) {
            throw new IOException("empty refresh token");
        }
        TokenRecord record = TokenRecord.of(endpoint, refreshToken);
        if (in.readBoolean()) {
            String accessToken = readString(in);
            record = record.withAccessToken(accessToken, Instant.ofEpochSecond(in.readLong()));
        }
        record = record.savedAt(Instant.ofEpochMilli(in.readLong()));
        if (in.read() != -1) {
            throw new IOException("bytes after the record");
        }
        return record;
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_STRING_BYTES) {
            throw new IOException("string length out of range");
        }
        byte[] b = new byte[length];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
