package dev.veritas.hosts;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

/**
 * Rebuilds the shipped HSTS preload list from Chromium's {@code net/http/transport_security_state_static.json}
 * (a JSON file with {@code //} comments): its {@code force-https} entries, with {@code include_subdomains}.
 * <pre>java -cp target/classes:… dev.veritas.hosts.HstsPreloadRefresh transport_security_state_static.json \
 *     src/main/resources/dev/veritas/hosts/hsts-preload.tsv.gz</pre>
 */
public final class HstsPreloadRefresh {
    private HstsPreloadRefresh() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: HstsPreloadRefresh transport_security_state_static.json hsts-preload.tsv.gz");
            System.exit(2);
        }
        Map<String, Boolean> entries = forceHttpsEntries(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8));
        write(entries, Path.of(args[1]));
        System.out.println("wrote " + entries.size() + " force-https entries to " + args[1]);
    }

    /** The {@code force-https} entries of Chromium's file: name → include_subdomains. */
    static Map<String, Boolean> forceHttpsEntries(String chromiumJson) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(JsonParser.Feature.ALLOW_COMMENTS);
        JsonNode entries = mapper.readTree(chromiumJson).path("entries");
        if (!entries.isArray()) {
            throw new IOException("not Chromium's transport_security_state_static.json: it has no \"entries\" list");
        }
        Map<String, Boolean> out = new TreeMap<>();
        for (JsonNode entry : entries) {
            if ("force-https".equals(entry.path("mode").asText())) {
                out.put(entry.path("name").asText().strip().toLowerCase(Locale.ROOT), entry.path("include_subdomains").asBoolean(false));
            }
        }
        return out;
    }

    static void write(Map<String, Boolean> entries, Path target) throws IOException {
        try (OutputStream file = Files.newOutputStream(target);
             Writer out = new OutputStreamWriter(new GZIPOutputStream(file), StandardCharsets.UTF_8)) {
            out.write("name\tinclude_subdomains\n");
            for (Map.Entry<String, Boolean> e : entries.entrySet()) {
                out.write(e.getKey() + "\t" + (e.getValue() ? "1" : "0") + "\n");
            }
        }
    }
}
