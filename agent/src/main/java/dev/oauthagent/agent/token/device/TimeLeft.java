package dev.oauthagent.agent.token.device;

/** "14:05" or "1:00:00": minutes and seconds the way a countdown reads. */
final class TimeLeft {
    private TimeLeft() {
    }

    static String format(long seconds) {
        long s = Math.max(0, seconds);
        long hours = s / 3600;
        long minutes = (s % 3600) / 60;
        String mmss = two(s % 60);
        return hours > 0 ? hours + ":" + two(minutes) + ":" + mmss : minutes + ":" + mmss;
    }

    private static String two(long n) {
        return n < 10 ? "0" + n : Long.toString(n);
    }
}
