package dev.veritas.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The progress bar of `veritas audit`, drawn from the audit's events — the same events whether the audit runs
 * in this process or on a server. On a terminal it redraws one line; otherwise it prints a line per step.
 */
final class ProgressView {
    private static final int WIDTH = 24;
    private final PrintWriter err;
    private final boolean terminal;
    private int pct;
    private String phase = "Starting";
    private String detail = "";
    private int pages;
    private int screenshots;
    private int findings;
    private boolean lineOpen;

    ProgressView(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    void on(String type, JsonNode data) {
        switch (type) {
            case "phase_start" -> {
                pct = data.path("pct").asInt(pct);
                phase = data.path("label").asText(phase);
                detail = data.path("message").asText("");
                line(phase + ": " + detail);
            }
            case "phase_complete" -> {
                pct = data.path("pct").asInt(pct);
                detail = data.path("message").asText("");
                line(phase + " done: " + detail);
            }
            case "page_captured" -> {
                pages++;
                pct = Math.max(pct, data.path("pct").asInt(pct)); // the engine says how far the capture is
                detail = data.path("final_url").asText("");
                line("page " + pages + ": " + detail + " (" + data.path("status").asInt() + ")");
            }
            case "screenshot" -> {
                screenshots++;
                redraw();
            }
            case "finding" -> {
                findings++;
                JsonNode f = data.path("finding");
                line("finding [" + f.path("severity").asText() + "] " + f.path("title").asText());
            }
            case "log_entry" -> {
                if (data.path("level").asText().equals("warning")) {
                    line("warning: " + data.path("message").asText());
                }
            }
            default -> redraw();
        }
    }

    void finish() {
        if (terminal && lineOpen) {
            err.print("\r" + " ".repeat(100) + "\r");
            err.flush();
            lineOpen = false;
        }
    }

    private void line(String text) {
        if (terminal) {
            redraw();
        } else {
            err.printf(Locale.ROOT, "[%3d%%] %s%n", pct, text);
            err.flush();
        }
    }

    private void redraw() {
        if (!terminal) {
            return;
        }
        int filled = Math.max(0, Math.min(WIDTH, pct * WIDTH / 100));
        String status = String.format(Locale.ROOT, "[%s%s] %3d%% %s · %d pages · %d shots · %d findings", "#".repeat(filled),
                "-".repeat(WIDTH - filled), pct, phase, pages, screenshots, findings);
        if (status.length() > 100) {
            status = status.substring(0, 99) + "…";
        }
        err.print("\r" + status + " ".repeat(Math.max(0, 100 - status.length())));
        err.flush();
        lineOpen = true;
    }
}
