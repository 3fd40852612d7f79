package dev.veritas.hosts;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Rebuilds the shipped list of popular domains from the Majestic Million CSV (columns {@code GlobalRank} and
 * {@code Domain}; {@code IDN_Domain} stands in for a damaged {@code Domain}). Hosts become their registrable domain,
 * the best rank counting; subdomains of platforms where anyone claims one, IP numbers and bare suffixes are dropped.
 * <pre>java -cp 'target/classes:target/lib/*' dev.veritas.hosts.PopularDomainsRefresh majestic_million.csv \
 *     src/main/resources/dev/veritas/hosts/popular-domains.txt.gz [--max-rank 15000]</pre>
 */
public final class PopularDomainsRefresh {
    private PopularDomainsRefresh() {}

    public static void main(String[] args) {
        if (args.length != 2 && !(args.length == 4 && args[2].equals("--max-rank") && args[3].matches("\\d{1,9}"))) {
            System.err.println("usage: PopularDomainsRefresh majestic_million.csv popular-domains.txt.gz [--max-rank N]");
            System.exit(2);
        }
        int maxRank = args.length == 4 ? Integer.parseInt(args[3]) : Integer.MAX_VALUE;
        try {
            List<String> domains;
            try (Reader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
                domains = registrableDomains(in, maxRank);
            }
            write(domains, Path.of(args[1]));
            System.out.println("wrote " + domains.size() + " registrable domains to " + args[1]);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // A malformed CSV surfaces from the parser's iterator as an unchecked exception. The shipped list is only replaced once the new one is read whole.
            System.err.println("could not rebuild the list from " + args[0] + ": " + e.getMessage()
                    + " — check the path and that it is the Majestic Million CSV");
            System.exit(2);
        }
    }

    /** Registrable domains in rank order, each once, from rows ranked at most {@code maxRank}. */
    static List<String> registrableDomains(Reader majesticCsv, int maxRank) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build();
        Set<String> out = new LinkedHashSet<>();
        try (CSVParser parser = format.parse(majesticCsv)) {
            if (!parser.getHeaderMap().containsKey("GlobalRank") || !parser.getHeaderMap().containsKey("Domain")) {
                throw new IOException("not the Majestic Million CSV: it needs the columns GlobalRank and Domain");
            }
            for (CSVRecord row : parser) {
                if (!row.isConsistent() && row.size() < 3) {
                    throw new IOException("line " + parser.getCurrentLineNumber() + ": too few columns");
                }
                int rank;
                try {
                    rank = Integer.parseInt(row.get("GlobalRank").strip());
                } catch (NumberFormatException e) {
                    throw new IOException("line " + parser.getCurrentLineNumber() + ": GlobalRank is not a number");
                }
                if (rank > maxRank) {
                    break;
                }
                domainOf(row).ifPresent(out::add);
            }
        }
        return List.copyOf(out);
    }

    private static Optional<String> domainOf(CSVRecord row) {
        String host = row.get("Domain").strip().toLowerCase(Locale.ROOT);
        if ((host.isEmpty() || host.startsWith(".")) && row.isMapped("IDN_Domain")) {
            host = row.get("IDN_Domain").strip().toLowerCase(Locale.ROOT);
        }
        RegistrableDomain rd = RegistrableDomain.of(host);
        if (rd.ip() || rd.onSharedHosting()) {
            return Optional.empty();
        }
        return rd.domain();
    }

    static void write(List<String> domains, Path target) throws IOException {
        try (OutputStream file = Files.newOutputStream(target);
             Writer out = new OutputStreamWriter(new GZIPOutputStream(file), StandardCharsets.UTF_8)) {
            out.write("# registrable domains, most linked-to first (see README.md beside this file)\n");
            for (String d : domains) {
                out.write(d + "\n");
            }
        }
    }
}
