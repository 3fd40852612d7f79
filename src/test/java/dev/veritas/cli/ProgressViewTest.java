package dev.veritas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veritas.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The CLI's progress lines show the percentages the events carry, whatever the page budget. */
class ProgressViewTest {
    @Test
    void eachLineShowsThePercentageOfItsEvent() {
        StringWriter text = new StringWriter();
        ProgressView view = new ProgressView(new PrintWriter(text, true), false);
        view.on("phase_start", Json.object().put("phase", "capture").put("label", "Capturing pages").put("message", "Visiting up to 10 pages")
                .put("pct", 5).put("end_pct", 60).put("max_pages", 10));
        view.on("page_captured", Json.object().put("final_url", "https://a.example/").put("status", 200).put("max_pages", 10).put("pct", 11));
        view.on("page_captured", Json.object().put("final_url", "https://a.example/b").put("status", 200).put("max_pages", 10).put("pct", 16));
        view.on("phase_complete", Json.object().put("phase", "capture").put("message", "2 pages").put("pct", 60));
        assertThat(text.toString().lines()).containsExactly(
                "[  5%] Capturing pages: Visiting up to 10 pages",
                "[ 11%] page 1: https://a.example/ (200)",
                "[ 16%] page 2: https://a.example/b (200)",
                "[ 60%] Capturing pages done: 2 pages");
    }
}
