package dev.veritas.store;

import java.util.List;
import java.util.Map;

/** Result of {@code veritas db check}: ok only when every problem list is empty. */
public record StoreCheck(String store, String schemaVersion, Map<String, String> settings, Map<String, Long> rowCounts, List<String> problems) {
    public StoreCheck {
        settings = Map.copyOf(settings);
        rowCounts = Map.copyOf(rowCounts);
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
