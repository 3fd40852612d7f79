package dev.veritas.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HstsPreloadTest {
    private static final HstsPreload LIST = HstsPreload.of(Map.of("bank.example", true, "shop.example", false, "tld", true));

    @ParameterizedTest(name = "{0} preloaded: {1}")
    @CsvSource({
        "bank.example, true", "www.bank.example, true", "a.b.bank.example, true", "BANK.EXAMPLE., true",
        "shop.example, true", "www.shop.example, false", "anything.tld, true", "example, false", "other.example, false", "'', false"})
    void aHostIsPreloadedByItsOwnEntryOrAParentsCoveringSubdomains(String host, boolean preloaded) {
        assertThat(LIST.isPreloaded(host)).isEqualTo(preloaded);
    }

    @Test
    void theShippedListIsChromiumsWithItsSubdomainFlags() {
        HstsPreload chromium = HstsPreload.chromium();
        assertThat(chromium.size()).isGreaterThan(90_000);
        // Whole top-level domains are on it, and a few names without their subdomains.
        assertThat(chromium.entries().values()).contains(true, false);
        String name = chromium.entries().entrySet().stream().filter(e -> e.getValue() && e.getKey().contains("."))
                .map(Map.Entry::getKey).sorted().findFirst().orElseThrow();
        assertThat(chromium.lookup("deep.sub." + name)).contains(new HstsPreload.Entry(name, true));
        String own = chromium.entries().entrySet().stream().filter(e -> !e.getValue())
                .map(Map.Entry::getKey).sorted().findFirst().orElseThrow();
        assertThat(chromium.isPreloaded(own)).isTrue();
    }

    @Test
    void refreshingReadsChromiumsCommentedJsonAndKeepsForceHttpsEntries(@TempDir Path dir) throws IOException {
        String chromium = """
                // Comments like Chromium's own.
                { "pinsets": [],
                  "entries": [
                    // a preloaded bank
                    { "name": "Bank.Example", "policy": "custom", "mode": "force-https", "include_subdomains": true },
                    { "name": "pinned.example", "policy": "custom", "pins": "x" },
                    { "name": "shop.example", "policy": "custom", "mode": "force-https" }
                  ] }
                """;
        Path gz = dir.resolve("list.tsv.gz");
        HstsPreloadRefresh.write(HstsPreloadRefresh.forceHttpsEntries(chromium), gz);

        HstsPreload list;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            list = HstsPreload.of(HstsPreload.read(in));
        }
        assertThat(list.entries()).containsExactlyInAnyOrderEntriesOf(Map.of("bank.example", true, "shop.example", false));
        assertThat(list.isPreloaded("www.bank.example")).isTrue();
        assertThat(list.isPreloaded("pinned.example")).isFalse();
    }
}
