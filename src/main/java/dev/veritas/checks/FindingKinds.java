package dev.veritas.checks;

import dev.veritas.audit.Finding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every finding kind Veritas' checks declare, and the kind of a finding from its id (what the store keeps). */
public final class FindingKinds {
    private static final Map<String, FindingKind> BY_ID = index();

    private FindingKinds() {}

    public static List<FindingKind> all() {
        return List.copyOf(BY_ID.values());
    }

    public static Optional<FindingKind> of(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    public static Optional<FindingKind> of(Finding f) {
        return of(f.checkId());
    }

    private static Map<String, FindingKind> index() {
        // What the standard checks declare: a check added to the engine brings its kinds here by itself.
        List<FindingKind> kinds = new ArrayList<>();
        for (Check check : Checks.standard()) {
            kinds.addAll(Checks.declaredBy(check));
        }
        Map<String, FindingKind> byId = new LinkedHashMap<>();
        for (FindingKind k : kinds) {
            if (byId.put(k.id(), k) != null) {
                throw new IllegalStateException("two finding kinds share the id " + k.id());
            }
        }
        return Collections.unmodifiableMap(byId);
    }
}
