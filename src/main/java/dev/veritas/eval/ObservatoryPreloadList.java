package dev.veritas.eval;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veritas.json.Json;
import dev.veritas.hosts.HstsPreload;

/**
 * An HSTS preload list in the shape the Observatory's analyzer reads ({@code conf/hsts-preload.json}, as its own
 * download script writes it), so that the analyzer and Veritas judge preloaded hosts from the same list.
 */
public final class ObservatoryPreloadList {
    private ObservatoryPreloadList() {}

    public static String json(HstsPreload preload) {
        ObjectNode root = Json.object();
        preload.entries().forEach((name, subdomains) -> root.putObject(name).put("includeSubDomains", subdomains)
                .put("includeSubDomainsForPinning", subdomains).put("mode", "force-https").put("pinned", false));
        return root.toString();
    }
}
