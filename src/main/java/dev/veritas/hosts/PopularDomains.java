package dev.veritas.hosts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.zip.GZIPInputStream;

/**
 * The registrable domains the rest of the web links to most, by rank: the sites people actually use and so
 * actually submit. A phishing domain is days old and linked from nowhere, so being on this list is strong evidence
 * that an address belongs to an established organisation. Veritas ships the list as a resource
 * ({@code popular-domains.txt.gz} beside this class; its source, licence, date and refresh command are in the
 * README there).
 *
 * <p>The list holds registrable domains only, never a platform's users: a subdomain anyone can claim
 * ({@code alice.github.io}) is dropped when the list is built, since it can change hands or be abused. Callers still
 * decide what a listed domain vouches for: a big platform's own domain also carries what its users publish.
 */
public final class PopularDomains {
    static final String RESOURCE = "popular-domains.txt.gz";

    private final Map<String, Integer> ranks;

    private PopularDomains(Map<String, Integer> ranks) {
        this.ranks = Map.copyOf(ranks);
    }

    private static final class Shipped {
        static final PopularDomains LIST = load();
    }

    /** The list Veritas ships, read once. */
    public static PopularDomains shipped() {
        return Shipped.LIST;
    }

    /** A list of one's own, most popular first. */
    public static PopularDomains of(List<String> domainsByRank) {
        Map<String, Integer> m = new HashMap<>();
        for (String d : domainsByRank) {
            m.putIfAbsent(d.strip().toLowerCase(Locale.ROOT), m.size() + 1);
        }
        return new PopularDomains(m);
    }

    /** The domain's rank (1 = the most linked-to), if it is on the list. */
    public OptionalInt rank(String registrableDomain) {
        Integer r = ranks.get(registrableDomain.toLowerCase(Locale.ROOT));
        return r == null ? OptionalInt.empty() : OptionalInt.of(r);
    }

    public int size() {
        return ranks.size();
    }

    private static PopularDomains load() {
        try (InputStream raw = PopularDomains.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException(RESOURCE + " is missing from Veritas' build: rebuild with mvn package");
            }
            return read(raw);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the shipped list of popular domains", e);
        }
    }

    /** Reads the gzip file {@link PopularDomainsRefresh} writes: one domain a line, most popular first. */
    static PopularDomains read(InputStream gzip) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(gzip), StandardCharsets.UTF_8));
        return of(in.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList());
    }
}
