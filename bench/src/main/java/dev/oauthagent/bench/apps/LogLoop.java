package dev.oauthagent.bench.apps;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs lines one after the other through slf4j to whatever logback is configured with
 * ({@code -Dlogback.configurationFile}), in batches the harness asks for on stdin. The log throughput harness
 * keeps three of these alive at once (no agent, the agent, logback's {@code %replace}) and rotates their
 * batches, so all see the same machine load at nearly the same time.
 *
 * <p>Usage: {@code LogLoop <clean|leaky>}, then batches as {@link BatchLoop} describes: a number of lines in, a
 * {@code BATCH} line out ({@code failed} is always 0: logback reports no failures to its caller; the harness
 * counts the lines in the file instead). {@code clean}: every line is an ordinary parameterised message with no
 * secret. {@code leaky}: one line in 100 carries a Bearer JWT, the other 99 are the clean ones. The line
 * number runs on across batches, so after {@code n} lines in all, exactly {@code n / 100} leaky lines carried
 * the token.
 */
public final class LogLoop {
    /** JWT-shaped, made up for the benchmark: no server ever issued it. */
    private static final String TOKEN = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJiZW5jaC1jbGllbnQiLCJleHAiOjE5"
            + "OTk5OTk5OTl9.c2lnbmF0dXJlLW9mLXRoZS1iZW5jaC10b2tlbi1tYWRlLXVwLWZvci10ZXN0cw";

    private final Logger log = LoggerFactory.getLogger("dev.oauthagent.bench.apps.LogLoop");
    private final int secretEvery;
    private int lineNumber;

    private LogLoop(int secretEvery) {
        this.secretEvery = secretEvery;
    }

    public static void main(String[] args) throws Exception {
        LogLoop loop = new LogLoop(secretEvery(args[0]));
        BatchLoop.serve(loop::emit);
    }

    private static int secretEvery(String workload) {
        switch (workload) {
            case "clean":
                return Integer.MAX_VALUE;
            case "leaky":
                return 100;
            default:
                throw new IllegalArgumentException("workload must be clean or leaky, not " + workload);
        }
    }

    private int emit(int lines) {
        for (int n = 0; n < lines; n++) {
            int i = ++lineNumber;
            if (i % secretEvery == 0) {
                log.info("calling https://api.example.com/orders/{} with Authorization: Bearer {}", i, TOKEN);
            } else {
                log.info("order {} shipped to customer {} in {} ms, request id 123e4567-e89b-12d3-a456-42661417{}",
                        i, i * 7, i % 50, i % 10000);
            }
        }
        return 0;
    }
}
