package dev.veritas.capture;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the value of a countdown ("09:59", "1:02:03", "2h 15m", "3 days 4 hours") or a counter ("only 3 left"). */
public final class TimerText {
    private static final Pattern CLOCK = Pattern.compile("(?<!\\d)(?:(\\d{1,2})\\s*:\\s*)?(\\d{1,2})\\s*:\\s*(\\d{2})(?!\\d)");
    private static final Pattern UNITS = Pattern.compile("(\\d+)\\s*(d|days?|h|hrs?|hours?|m|mins?|minutes?|s|secs?|seconds?)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER = Pattern.compile("\\d[\\d,]*");

    private TimerText() {}

    /** Seconds left, if the text holds a clock or a duration. */
    public static Optional<Long> seconds(String text) {
        Matcher m = CLOCK.matcher(text);
        if (m.find()) {
            long h = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
            long mm = Long.parseLong(m.group(2));
            long ss = Long.parseLong(m.group(3));
            if (ss < 60) {
                return Optional.of(h * 3600 + mm * 60 + ss);
            }
        }
        Matcher u = UNITS.matcher(text);
        long total = 0;
        boolean any = false;
        try {
            while (u.find()) {
                long v = Long.parseLong(u.group(1));
                char unit = Character.toLowerCase(u.group(2).charAt(0));
                total = Math.addExact(total, Math.multiplyExact(v, switch (unit) {
                    case 'd' -> 86_400L;
                    case 'h' -> 3_600L;
                    case 'm' -> 60L;
                    default -> 1L;
                }));
                any = true;
            }
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty(); // a page's "99999999999999999999 seconds" is no timer, and must not break the capture
        }
        return any ? Optional.of(total) : Optional.empty();
    }

    /**
     * The smallest step the text can show, in seconds: 1 for a clock ("09:59") or a text with seconds, 60 when it
     * stops at minutes ("2h 15m"), 3600 at hours ("3 days 4 hours"), 86400 at days. A timer that shows minutes
     * rightly stands still for up to a minute.
     */
    public static long resolutionSeconds(String text) {
        Matcher m = CLOCK.matcher(text);
        if (m.find() && Long.parseLong(m.group(3)) < 60) {
            return 1;
        }
        Matcher u = UNITS.matcher(text);
        long smallest = 0;
        while (u.find()) {
            char unit = Character.toLowerCase(u.group(2).charAt(0));
            long step = switch (unit) {
                case 'd' -> 86_400;
                case 'h' -> 3_600;
                case 'm' -> 60;
                default -> 1;
            };
            smallest = smallest == 0 ? step : Math.min(smallest, step);
        }
        return smallest == 0 ? 1 : smallest;
    }

    /** The first number in a counter's text ("Only 3 left" → 3). */
    public static Optional<Long> count(String text) {
        Matcher m = NUMBER.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(m.group().replace(",", "")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
