package dev.veritas.checks.phishing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veritas.eval.PhishingUrlEval;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhishingUrlEvalTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private Path csv(String... lines) throws IOException {
        Path file = dir.resolve("urls.csv");
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
        return file;
    }

    private List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void reportsMetricsAndEndsWithTheResultLine() throws IOException {
        Path file = csv("url,label",
                "http://192.168.13.7/paypal/webscr/login.php?cmd=_login-run,1",
                "http://paypal.com.secure-login.verify-account.tk/signin,1",
                "\"https://appleid.apple.com.account-verify.xyz/,x\",1",
                "https://en.wikipedia.org/wiki/Phishing,0",
                "\"https://www.bbc.co.uk/news/world,europe-12345678\",0",
                "https://www.usa.gov/,0");
        int code = PhishingUrlEval.run(file, out);
        assertThat(code).isZero();
        List<String> lines = lines();
        assertThat(lines).anyMatch(l -> l.startsWith("rows: 6 (3 phishing, 3 legitimate)"));
        assertThat(lines).anyMatch(l -> l.contains("confusion matrix"));
        assertThat(lines).anyMatch(l -> l.startsWith("top signals among false positives"));
        assertThat(lines.get(lines.size() - 1)).isEqualTo("RESULT precision=1.000 recall=1.000 f1=1.000 fpr=0.000");
    }

    @Test
    void countsMistakes() throws IOException {
        // An honest-looking phishing address is missed; the format holds whatever the counts.
        Path file = csv("url,label", "https://www.usa.gov/,1", "https://en.wikipedia.org/wiki/Cat,0",
                "http://203.0.113.9/login.php,1");
        assertThat(PhishingUrlEval.run(file, out)).isZero();
        List<String> lines = lines();
        assertThat(lines.get(lines.size() - 1)).isEqualTo("RESULT precision=1.000 recall=0.500 f1=0.667 fpr=0.000");
        assertThat(lines).anyMatch(l -> l.startsWith("top signals among false negatives"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            wrong header           | address,verdict@@https://example.com/,0 | the header 'url,label'
            bad label              | url,label@@https://example.com/,maybe    | line 2: the label must be 0 (legitimate) or 1 (phishing)
            no comma               | url,label@@https://example.com/          | line 2: expected 'url,label'
            unclosed quote         | url,label@@"https://example.com/,0       | line 2: the quoted address is never closed
            header only            | url,label                                | has a header but no rows
            empty address          | url,label@@,1                            | line 2: the address is empty
            """)
    void badInputGetsOneClearLineAndExitCode2(String name, String content, String message) throws IOException {
        Path file = csv(content.split("@@"));
        assertThat(PhishingUrlEval.run(file, out)).isEqualTo(2);
        List<String> lines = lines();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("error: ").contains(message).doesNotContain("Exception");
    }

    @Test
    void missingFileIsReportedNotThrown() {
        assertThat(PhishingUrlEval.run(dir.resolve("nope.csv"), out)).isEqualTo(2);
        assertThat(lines()).singleElement().asString().contains("no such file").contains("url,label");
    }

    @Test
    void emptyFileIsReported() throws IOException {
        Path file = dir.resolve("empty.csv");
        Files.writeString(file, "");
        assertThat(PhishingUrlEval.run(file, out)).isEqualTo(2);
        assertThat(lines()).singleElement().asString().contains("is empty");
    }

    @Test
    void heldOutSplitScoresOnlyHeldOutDomains() throws IOException {
        StringBuilder b = new StringBuilder("url,label\n");
        int heldOut = 0;
        for (int i = 0; i < 40; i++) {
            String url = "https://www.site" + i + ".example/";
            b.append(url).append(",0\n");
            heldOut += DomainSplit.of(url) == DomainSplit.HELD_OUT ? 1 : 0;
        }
        Path file = dir.resolve("split.csv");
        Files.writeString(file, b.toString());
        assertThat(heldOut).isBetween(1, 39);
        assertThat(PhishingUrlEval.run(file, out, PhishingUrlEval.Split.HELD_OUT)).isZero();
        String expected = "rows: " + heldOut + " (0 phishing, " + heldOut + " legitimate), split: held-out";
        assertThat(lines()).contains(expected);
    }

    @Test
    void crlfLineEndingsAndByteOrderMarkAreAccepted() throws IOException {
        Path file = dir.resolve("crlf.csv");
        Files.writeString(file, "\uFEFFurl,label\r\nhttps://www.usa.gov/,0\r\nhttp://203.0.113.9/login.php,1\r\n");
        assertThat(PhishingUrlEval.run(file, out)).isZero();
        assertThat(lines().get(lines().size() - 1)).startsWith("RESULT precision=");
    }
}
