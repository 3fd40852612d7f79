package dev.veritas.report;

import dev.veritas.audit.Audit;
import dev.veritas.audit.WireEnum;
import dev.veritas.json.AuditJson;
import dev.veritas.json.Json;
import dev.veritas.store.ScreenshotStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** An audit exported as JSON (the API shape), a self-contained HTML report, or a PDF of that report. */
public final class Exports {
    private Exports() {}

    public enum Format implements WireEnum {
        JSON("application/json", "json"), HTML("text/html; charset=utf-8", "html"), PDF("application/pdf", "pdf");

        private final String mediaType;
        private final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        public String mediaType() {
            return mediaType;
        }

        public String extension() {
            return extension;
        }

        public static Format parse(String v) {
            return WireEnum.parse(Format.class, "format", v);
        }
    }

    /** Exports one audit; a PDF gets a browser of its own (a server shares one through {@link PdfPrinter}). */
    public static byte[] export(Audit audit, ScreenshotStore store, Format format, Path chromium) {
        return switch (format) {
            case JSON -> Json.pretty(AuditJson.audit(audit)).getBytes(StandardCharsets.UTF_8);
            case HTML -> HtmlReport.render(audit, store).getBytes(StandardCharsets.UTF_8);
            case PDF -> PdfPrinter.printOnce(HtmlReport.render(audit, store), chromium);
        };
    }

    public static String fileName(Audit audit, Format format) {
        return "veritas-" + audit.host().replaceAll("[^a-zA-Z0-9.-]", "_") + "-" + audit.id().value() + "." + format.extension();
    }
}
