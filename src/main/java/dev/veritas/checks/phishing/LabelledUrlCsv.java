package dev.veritas.checks.phishing;

import java.io.BufferedReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads labelled address files: a header {@code url,label} (optionally {@code url,label,split}), then one address per
 * row with label 1 (phishing) or 0 (legitimate), as RFC 4180 CSV (Apache Commons CSV): an address holding commas,
 * quotes or line breaks is quoted. The optional split ({@code tuning}, {@code check} or {@code final}) says which part
 * of a measurement the row belongs to. A bad row is reported with its line number.
 */
public final class LabelledUrlCsv {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    private LabelledUrlCsv() {}

    /** What is wrong with a file, phrased for the person who has to fix it. */
    public static final class FormatException extends Exception {
        private static final long serialVersionUID = 1L;

        public FormatException(String message) {
            super(message);
        }
    }

    public static List<LabelledUrl> read(Path file) throws FormatException {
        if (!Files.isRegularFile(file)) {
            throw new FormatException("cannot read " + file + ": no such file; pass the path of a CSV with columns url,label");
        }
        // InputStreamReader replaces undecodable bytes instead of failing: odd bytes are part of the data.
        try (Reader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8));
             CSVParser csv = CSVParser.builder().setReader(in).setFormat(FORMAT).get()) {
            Iterator<CSVRecord> records = csv.iterator();
            if (!records.hasNext()) {
                throw new FormatException(file + " is empty; expected a header line 'url,label' followed by rows");
            }
            CSVRecord header = records.next();
            String h = String.join(",", header.values()).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
            boolean withSplit = h.equals("url,label,split");
            if (!h.equals("url,label") && !withSplit) {
                throw new FormatException(file + ": the first line must be the header 'url,label' or 'url,label,split' (got '"
                        + shorten(h) + "')");
            }
            List<LabelledUrl> rows = new ArrayList<>();
            while (true) {
                long line = csv.getCurrentLineNumber() + 1;
                CSVRecord r;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    r = records.next();
                } catch (UncheckedIOException e) {
                    String why = Optional.ofNullable(e.getCause()).map(Throwable::getMessage).orElse(e.getMessage());
                    if (why != null && why.contains("EOF reached before encapsulated token finished")) {
                        throw new FormatException(where(file, line) + "the quoted address is never closed; end it with '\"'");
                    }
                    throw new FormatException(where(file, line) + "the row is not valid CSV (" + why
                            + "); quote an address holding commas or quotes as \"…\" with \"\" for a quote");
                }
                if (r.size() == 1 && r.get(0).isBlank()) {
                    continue;
                }
                rows.add(row(file, r, line, withSplit));
            }
            if (rows.isEmpty()) {
                throw new FormatException(file + " has a header but no rows; add lines like 'https://example.com/,0'");
            }
            return rows;
        } catch (NoSuchFileException e) {
            throw new FormatException("cannot read " + file + ": no such file; pass the path of a CSV with columns url,label");
        } catch (IOException | UncheckedIOException e) {
            throw new FormatException("cannot read " + file + ": " + e.getMessage() + "; check the path and its permissions");
        }
    }

    private static LabelledUrl row(Path file, CSVRecord r, long line, boolean withSplit) throws FormatException {
        int width = withSplit ? 3 : 2;
        if (r.size() != width) {
            throw new FormatException(where(file, line) + "expected '" + (withSplit ? "url,label,split" : "url,label") + "' but found "
                    + r.size() + (r.size() == 1 ? " field" : " fields")
                    + " in '" + shorten(String.join(",", r.values())) + "'; quote an address holding commas as \"…\"");
        }
        String url = r.get(0);
        String label = r.get(1).strip();
        if (!label.equals("0") && !label.equals("1")) {
            throw new FormatException(where(file, line) + "the label must be 0 (legitimate) or 1 (phishing), got '" + shorten(label) + "'");
        }
        if (url.isBlank()) {
            throw new FormatException(where(file, line) + "the address is empty");
        }
        Optional<UrlSplit> split = Optional.empty();
        if (withSplit) {
            String name = r.get(2).strip();
            split = Optional.of(UrlSplit.named(name).orElseThrow(() -> new FormatException(where(file, line)
                    + "the split must be tuning, check or final, got '" + shorten(name) + "'")));
        }
        return new LabelledUrl(url, label.equals("1"), (int) line, split);
    }

    private static String where(Path file, long line) {
        return file + " line " + line + ": ";
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 59) + "…";
    }
}
