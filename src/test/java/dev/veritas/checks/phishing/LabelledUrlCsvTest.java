package dev.veritas.checks.phishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Labelled addresses are RFC 4180 CSV: quoted fields hold commas, quotes and line breaks, and a bad row is named by its line. */
class LabelledUrlCsvTest {
    @TempDir
    Path dir;

    private Path csv(String content) throws IOException {
        Path f = dir.resolve("urls.csv");
        Files.writeString(f, content);
        return f;
    }

    @Test
    void quotedAddressesMayHoldCommasQuotesAndLineBreaks() throws Exception {
        List<LabelledUrl> rows = LabelledUrlCsv.read(csv("url,label\r\n\"https://a.example/x,y\",0\r\n"
                + "\"https://b.example/say?\"\"hi\"\"\",1\n\"https://c.example/two\nlines\",0\nhttps://d.example/,1\n"));

        assertThat(rows).extracting(LabelledUrl::url).containsExactly("https://a.example/x,y", "https://b.example/say?\"hi\"",
                "https://c.example/two\nlines", "https://d.example/");
        assertThat(rows).extracting(LabelledUrl::line).containsExactly(2, 3, 4, 6);
    }

    @Test
    void aBadRowAfterAMultiLineFieldIsNamedByItsOwnLine() throws IOException {
        Path f = csv("url,label\n\"https://c.example/two\nlines\",0\nhttps://d.example/,yes\n");

        assertThatThrownBy(() -> LabelledUrlCsv.read(f)).isInstanceOf(LabelledUrlCsv.FormatException.class)
                .hasMessageContaining("line 4: the label must be 0 (legitimate) or 1 (phishing), got 'yes'");
    }

    @Test
    void anUnquotedCommaMakesARowOfThreeFields() throws IOException {
        Path f = csv("url,label\nhttps://a.example/x,y,0\n");

        assertThatThrownBy(() -> LabelledUrlCsv.read(f)).hasMessageContaining("line 2: expected 'url,label' but found 3 fields")
                .hasMessageContaining("quote an address holding commas");
    }
}
