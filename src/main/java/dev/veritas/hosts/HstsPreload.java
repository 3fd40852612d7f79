package dev.veritas.hosts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Chromium's HSTS preload list: hosts every major browser reaches over HTTPS only, whatever the address typed or
 * linked. Veritas ships the list's {@code force-https} entries as a resource ({@code hsts-preload.tsv.gz} beside
 * this class; where it came from, its date and how to refresh it are in the README there) and answers as the
 * browsers do: a host is preloaded when it is on the list, or when a parent domain is on it with
 * {@code include_subdomains}.
 */
public final class HstsPreload {
    static final String RESOURCE = "hsts-preload.tsv.gz";

    private final Map<String, Boolean> includeSubdomains;

    private HstsPreload(Map<String, Boolean> includeSubdomains) {
        this.includeSubdomains = Collections.unmodifiableMap(includeSubdomains);
    }

    private static final class Shipped {
        static final HstsPreload LIST = load();
    }

    /** The list Veritas ships, read once. */
    public static HstsPreload chromium() {
        return Shipped.LIST;
    }

    /** A list of one's own: host → whether its subdomains are preloaded too. */
    public static HstsPreload of(Map<String, Boolean> entries) {
        Map<String, Boolean> m = new HashMap<>();
        entries.forEach((name, sub) -> m.put(normalise(name), sub));
        return new HstsPreload(m);
    }

    /** The entry that makes the host preloaded: its own, or a parent's that covers subdomains. */
    public Optional<Entry> lookup(String host) {
        String h = normalise(host);
        if (h.isEmpty()) {
            return Optional.empty();
        }
        Boolean own = includeSubdomains.get(h);
        if (own != null) {
            return Optional.of(new Entry(h, own));
        }
        for (int dot = h.indexOf('.'); dot >= 0; dot = h.indexOf('.', dot + 1)) {
            String parent = h.substring(dot + 1);
            Boolean sub = includeSubdomains.get(parent);
            if (sub != null && sub) {
                return Optional.of(new Entry(parent, true));
            }
        }
        return Optional.empty();
    }

    public boolean isPreloaded(String host) {
        return lookup(host).isPresent();
    }

    /** Every entry: name → include_subdomains. */
    public Map<String, Boolean> entries() {
        return includeSubdomains;
    }

    public int size() {
        return includeSubdomains.size();
    }

    /** One line of the list. */
    public record Entry(String name, boolean includeSubdomains) {}

    private static String normalise(String host) {
        String h = host == null ? "" : host.toLowerCase(Locale.ROOT);
        while (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return h;
    }

    private static HstsPreload load() {
        try (InputStream raw = HstsPreload.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("the HSTS preload list " + RESOURCE + " is missing from the build; rebuild Veritas");
            }
            return new HstsPreload(read(new GZIPInputStream(raw)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the HSTS preload list " + RESOURCE, e);
        }
    }

    /** Reads the TSV form ({@code name, include_subdomains} with a header line). */
    static Map<String, Boolean> read(InputStream tsv) throws IOException {
        Map<String, Boolean> m = new HashMap<>(200_000);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(tsv, StandardCharsets.UTF_8))) {
            String line = reader.readLine(); // header
            while ((line = reader.readLine()) != null) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    m.put(line.substring(0, tab), line.substring(tab + 1).strip().equals("1"));
                }
            }
        }
        return m;
    }
}
