package dev.veritas.cli;

import dev.veritas.eval.pages.PageOutcome;
import dev.veritas.eval.pages.PagesEval;
import java.io.PrintWriter;
import java.util.Locale;

import java.time.Duration;
/**
 * The progress of {@code veritas eval pages} on stderr: on a terminal one line redrawn with a bar, otherwise a line
 * per finished audit (so a log file shows each verdict as it came).
 */
final class PagesProgress implements PagesEval.Listener {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final boolean terminal;
    private final long started = System.nanoTime();

    PagesProgress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public synchronized void finished(int done, int total, PageOutcome o) {
        String verdict = o.risk().map(r -> o.score().orElse(0) + " " + r.wire()).orElse("failed");
        String what = String.format(Locale.ROOT, "%s %s: %s (%.1f s)", o.row().corpus().wire(), o.row().name(), verdict,
                o.wall().toMillis() / 1000.0);
        if (terminal) {
            int filled = total == 0 ? WIDTH : done * WIDTH / total;
            String line = String.format(Locale.ROOT, "\r[%s%s] %d/%d %s  %s", "#".repeat(filled), ".".repeat(WIDTH - filled), done, total,
                    PagesEvalText.clock(Duration.ofNanos(System.nanoTime() - started)), what);
            err.print(line.length() > 140 ? line.substring(0, 139) + "…" : line + " ".repeat(140 - line.length()));
            if (done == total) {
                err.print("\r" + " ".repeat(141) + "\r");
            }
        } else {
            err.printf(Locale.ROOT, "[%3d/%d] %s %s%n", done, total, o.row().url(), what);
        }
        err.flush();
    }
}
