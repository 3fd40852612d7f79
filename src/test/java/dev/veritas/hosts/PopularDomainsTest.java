package dev.veritas.hosts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PopularDomainsTest {
    private static final String HEADER = "GlobalRank,TldRank,Domain,TLD,RefSubNets,RefIPs,IDN_Domain,IDN_TLD,"
            + "PrevGlobalRank,PrevTldRank,PrevRefSubNets,PrevRefIPs\n";

    @Test
    void theShippedListRanksTheWebsBiggestSitesFirstAndHoldsThousands() {
        PopularDomains list = PopularDomains.shipped();
        assertThat(list.size()).isGreaterThan(10_000);
        assertThat(list.rank("google.com")).isEqualTo(OptionalInt.of(1));
        assertThat(list.rank("wikipedia.org").getAsInt()).isLessThan(20);
        assertThat(list.rank("BBC.co.uk")).isPresent();
        assertThat(list.rank("amazon-account-verify.com")).isEmpty();
        // A user's own space on a platform is never on the list; the platform itself may be.
        assertThat(list.rank("someone.github.io")).isEmpty();
        assertThat(list.rank("github.io")).isEmpty();
    }

    @Test
    void refreshKeepsEachRegistrableDomainOnceAtItsBestRankAndDropsPlatformUsers() throws IOException {
        String csv = HEADER
                + "1,1,google.com,com,5,5,google.com,com,1,1,5,5\n"
                + "2,1,en.wikipedia.org,org,5,5,en.wikipedia.org,org,2,1,5,5\n"
                + "3,2,maps.google.com,com,5,5,maps.google.com,com,3,2,5,5\n"
                + "4,1,github.io,io,5,5,github.io,io,4,1,5,5\n"
                + "5,3,alice.github.io,io,5,5,alice.github.io,io,5,3,5,5\n"
                + "6,4,.com,com,5,5,weebly.com,com,6,4,5,5\n"
                + "7,1,203.0.113.9,,5,5,203.0.113.9,,7,1,5,5\n"
                + "8,2,bbc.co.uk,uk,5,5,bbc.co.uk,uk,8,2,5,5\n";
        assertThat(PopularDomainsRefresh.registrableDomains(new StringReader(csv), Integer.MAX_VALUE))
                .containsExactly("google.com", "wikipedia.org", "weebly.com", "bbc.co.uk");
        assertThat(PopularDomainsRefresh.registrableDomains(new StringReader(csv), 3))
                .containsExactly("google.com", "wikipedia.org");
    }

    @Test
    void aFileThatIsNotTheListSaysSoAndABadRankNamesItsLine() {
        assertThatThrownBy(() -> PopularDomainsRefresh.registrableDomains(new StringReader("url,label\nx,1\n"), 10))
                .hasMessageContaining("GlobalRank and Domain");
        assertThatThrownBy(() -> PopularDomainsRefresh.registrableDomains(
                new StringReader(HEADER + "1,1,google.com,com,5,5,google.com,com,1,1,5,5\nfirst,2,x.com,com,1,1,x.com,com,1,1,1,1\n"), 10))
                .hasMessageContaining("line 3");
    }

    @Test
    void whatRefreshWritesReadsBackInRankOrder(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("popular.txt.gz");
        PopularDomainsRefresh.write(List.of("google.com", "wikipedia.org"), file);
        try (var in = Files.newInputStream(file)) {
            PopularDomains list = PopularDomains.read(in);
            assertThat(list.size()).isEqualTo(2);
            assertThat(list.rank("google.com")).isEqualTo(OptionalInt.of(1));
            assertThat(list.rank("wikipedia.org")).isEqualTo(OptionalInt.of(2));
        }
    }
}
