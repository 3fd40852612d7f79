package dev.veritas.report;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Margin;
import dev.veritas.capture.Chromium;
import dev.veritas.capture.TrustConfig;
import java.nio.file.Path;
import java.util.Optional;

/** Prints an HTML report to PDF with Chromium, so the PDF looks exactly like the HTML report. */
public final class PdfPrinter {
    private PdfPrinter() {}

    public static byte[] print(String html) {
        Optional<Path> exe = Chromium.locate();
        if (exe.isEmpty()) {
            throw new IllegalStateException("PDF export needs Chromium: " + Chromium.missingMessage().replace("; auditing without screenshots", "")
                    + " (or export --format html)");
        }
        try (Chromium chromium = Chromium.launch(exe.get(), TrustConfig.system());
             var context = chromium.browser().newContext();
             Page page = context.newPage()) {
            // The report embeds everything it shows; nothing may be fetched while printing it.
            context.route("**/*", route -> {
                if (route.request().url().startsWith("data:")) {
                    route.resume();
                } else {
                    route.abort();
                }
            });
            page.setContent(html);
            return page.pdf(new Page.PdfOptions().setFormat("A4").setPrintBackground(true)
                    .setMargin(new Margin().setTop("12mm").setBottom("12mm").setLeft("10mm").setRight("10mm")));
        }
    }
}
