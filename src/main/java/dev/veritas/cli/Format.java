package dev.veritas.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** How the CLI writes times, durations and sizes. */
final class Format {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private Format() {}

    static String time(Instant t) {
        return TIME.format(t);
    }

    static String time(Optional<Instant> t) {
        return t.map(Format::time).orElse("-");
    }

    static String millis(long ms) {
        if (ms < 1000) {
            return ms + " ms";
        }
        Duration d = Duration.ofMillis(ms);
        if (d.toMinutes() == 0) {
            return String.format("%.1f s", ms / 1000.0);
        }
        return d.toMinutes() + " min " + d.toSecondsPart() + " s";
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        if (n < 1024 * 1024) {
            return String.format("%.1f KB", n / 1024.0);
        }
        return String.format("%.1f MB", n / 1024.0 / 1024.0);
    }
}
