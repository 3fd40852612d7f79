package dev.veritas.checks.darkpatterns;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the labelled dark-pattern format: tab-separated, a header naming {@code page_id, text, label,
 * category, pattern_type}, one row per text segment. Fields may be quoted ("…", with "" for a quote)
 * to hold tabs or line breaks, as spreadsheet exports do. Every problem is reported as one line that
 * says where it is and how to fix it.
 */
public final class LabelledTsv {
    public static final List<String> COLUMNS = List.of("page_id", "text", "label", "category", "pattern_type");

    /** A file that cannot be used as it is; the message is meant to be shown to the user as is. */
    public static final class FormatException extends Exception {
        private static final long serialVersionUID = 1L;

        public FormatException(String message) {
            super(message);
        }
    }

    private LabelledTsv() {
    }

    public static List<LabelledSegment> read(Path file) throws FormatException {
        String content;
        try {
            byte[] bytes = Files.readAllBytes(file);
            content = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new FormatException(file + ": no such file - pass the path of a tab-separated file with columns " + String.join(", ", COLUMNS));
        } catch (CharacterCodingException e) {
            throw new FormatException(file + ": not UTF-8 text - save the file as UTF-8");
        } catch (IOException e) {
            throw new FormatException(file + ": cannot be read (" + e.getClass().getSimpleName() + ") - check the path and its permissions");
        }
        if (content.startsWith("\uFEFF")) {
            content = content.substring(1);
        }
        List<Record> records = parse(file, content);
        if (records.isEmpty()) {
            throw new FormatException(file + ": the file is empty - it needs a header line (" + String.join("\t", COLUMNS) + ") and rows");
        }
        int[] index = columns(file, records.get(0));
        List<LabelledSegment> out = new ArrayList<>();
        for (Record r : records.subList(1, records.size())) {
            if (r.fields.size() == 1 && r.fields.get(0).isBlank()) {
                continue;
            }
            out.add(segment(file, r, index, records.get(0).fields.size()));
        }
        if (out.isEmpty()) {
            throw new FormatException(file + ": has a header but no rows - add one row per labelled text segment");
        }
        return out;
    }

    private record Record(int line, List<String> fields) {
    }

    private static int[] columns(Path file, Record header) throws FormatException {
        List<String> names = header.fields.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).toList();
        int[] index = new int[COLUMNS.size()];
        for (int i = 0; i < COLUMNS.size(); i++) {
            index[i] = names.indexOf(COLUMNS.get(i));
            if (index[i] < 0) {
                throw new FormatException(file + " line 1: the header must name the tab-separated columns " + String.join(", ", COLUMNS)
                        + " (missing " + COLUMNS.get(i) + "; found " + String.join(", ", names) + ")");
            }
        }
        return index;
    }

    private static LabelledSegment segment(Path file, Record r, int[] index, int width) throws FormatException {
        String where = file + " line " + r.line + ": ";
        if (r.fields.size() != width) {
            throw new FormatException(where + "expected " + width + " tab-separated fields, found " + r.fields.size()
                    + " - quote a text that contains tabs or line breaks as \"...\"");
        }
        String pageId = r.fields.get(index[0]).trim();
        String text = r.fields.get(index[1]);
        String label = r.fields.get(index[2]).trim();
        String categoryLabel = r.fields.get(index[3]).trim();
        String typeLabel = r.fields.get(index[4]).trim();
        if (pageId.isEmpty()) {
            throw new FormatException(where + "page_id is empty - every row needs the id of the page it comes from");
        }
        boolean dark;
        if (label.equals("1")) {
            dark = true;
        } else if (label.equals("0")) {
            dark = false;
        } else {
            throw new FormatException(where + "label must be 1 (dark pattern) or 0 (benign), found '" + shorten(label) + "'");
        }
        Optional<PatternType> type = Optional.empty();
        Optional<PatternCategory> category = Optional.empty();
        if (dark) {
            if (!typeLabel.isEmpty()) {
                type = Optional.of(PatternType.fromLabel(typeLabel).orElseThrow(() -> new FormatException(where + "unknown pattern_type '"
                        + shorten(typeLabel) + "' - use one of " + Arrays.stream(PatternType.values()).map(PatternType::wire).toList())));
            }
            if (!categoryLabel.isEmpty()) {
                category = Optional.of(PatternCategory.fromLabel(categoryLabel).orElseThrow(() -> new FormatException(where
                        + "unknown category '" + shorten(categoryLabel) + "' - use one of "
                        + Arrays.stream(PatternCategory.values()).map(PatternCategory::wire).toList())));
            }
            if (type.isPresent()) {
                category = Optional.of(type.get().category());
            }
        }
        return new LabelledSegment(r.line, pageId, text, dark, category, type);
    }

    /**
     * Tab-separated with RFC 4180 quoting: a field in "…" may hold tabs and line breaks, "" is a quote; each line is a record. A text
     * that opens with a quotation and goes on after it (\"Love it!\" – Sam) is read as written, as spreadsheets export it.
     */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setDelimiter('\t').setIgnoreEmptyLines(false).setTrailingData(true).get();

    private static List<Record> parse(Path file, String s) throws FormatException {
        List<Record> records = new ArrayList<>();
        try (CSVParser csv = CSVParser.builder().setReader(new StringReader(s)).setFormat(FORMAT).get()) {
            Iterator<CSVRecord> it = csv.iterator();
            while (true) {
                int line = (int) csv.getCurrentLineNumber() + 1;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    records.add(new Record(line, List.of(it.next().values())));
                } catch (UncheckedIOException e) {
                    String why = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
                    if (why != null && why.contains("EOF reached before encapsulated token finished")) {
                        throw new FormatException(file + " line " + line + ": a quoted field is never closed - end it with \" or remove the stray quote");
                    }
                    throw new FormatException(file + " line " + line + ": not valid tab-separated text (" + why + ") - quote a text holding tabs,"
                            + " line breaks or quotes as \"...\" with \"\" for a quote");
                }
            }
        } catch (IOException e) {
            throw new FormatException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        return records;
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
