package dev.oauthagent.testapps.stdoutapp;

import dev.oauthagent.testapps.leaky.LeakyLines;
import dev.oauthagent.testapps.leaky.LeakySecrets;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A program whose only "logging" is System.out and System.err: println, print in pieces, raw byte writes split
 * inside a secret (each piece flushed, as a program printing progress does), and printStackTrace.
 * Arguments: see {@link LeakySecrets#fromArgs}; {@code --log-dir} is accepted and unused.
 */
public final class StdoutApp {
    private StdoutApp() {
    }

    public static void main(String[] args) throws Exception {
        LeakySecrets secrets = LeakySecrets.fromArgs(args);
        for (LeakyLines.Line line : LeakyLines.clean()) {
            System.out.println(line.text());
            System.err.println(line.text());
        }
        for (LeakyLines.Line line : LeakyLines.leaks(secrets)) {
            System.out.println(line.text());
            printInPieces(System.err, line.text());
        }
        LeakyLines.failure(secrets).printStackTrace();
        System.out.println(LeakyLines.huge(secrets));
        System.out.println(LeakyLines.DONE);
    }

    /** Writes the line's bytes in pieces of 1, 2, 3... bytes, flushing after each, then the newline. */
    private static void printInPieces(PrintStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int at = 0;
        for (int size = 1; at < bytes.length; size++) {
            int n = Math.min(size, bytes.length - at);
            out.write(bytes, at, n);
            out.flush();
            at += n;
        }
        out.println();
    }
}
