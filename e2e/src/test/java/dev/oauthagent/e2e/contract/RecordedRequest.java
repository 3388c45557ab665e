package dev.oauthagent.e2e.contract;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One request an origin recorder saw: {@code <METHOD> <path>[?query] authorization=<none | scheme fp=<8 hex>>}.
 *
 * @param authorization "none" or e.g. "Bearer fp=1a2b3c4d"
 */
record RecordedRequest(String method, String path, String authorization, String line) {
    private static final Pattern LINE = Pattern.compile("^(\\S+) (\\S+) authorization=(.*)$");

    static RecordedRequest parse(String line) {
        Matcher matcher = LINE.matcher(line);
        if (!matcher.matches()) {
            throw new AssertionError("not a recorded request: " + line);
        }
        String target = matcher.group(2);
        int query = target.indexOf('?');
        return new RecordedRequest(matcher.group(1), query < 0 ? target : target.substring(0, query),
                matcher.group(3), line);
    }

    boolean belongsTo(String caseId) {
        return List.of(path.split("/")).contains(caseId);
    }

    @Override
    public String toString() {
        return line;
    }
}
