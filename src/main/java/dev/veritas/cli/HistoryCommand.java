package dev.veritas.cli;

import dev.veritas.audit.AuditStatus;
import dev.veritas.audit.AuditSummary;
import dev.veritas.audit.RiskLevel;
import dev.veritas.json.AuditJson;
import dev.veritas.json.Json;
import dev.veritas.store.AuditStore;
import dev.veritas.store.HistoryPage;
import dev.veritas.store.HistoryQuery;
import dev.veritas.store.HistorySort;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "history", mixinStandardHelpOptions = true, description = "List stored audits, newest first.")
final class HistoryCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Spec
    CommandSpec spec;

    @Option(names = "--status", description = "queued, running, completed, failed or cancelled")
    String status;

    @Option(names = "--risk", description = "trusted, probably_safe, suspicious, high_risk or likely_fraudulent")
    String risk;

    @Option(names = "--host", description = "Only audits of this host name")
    String host;

    @Option(names = "--url", description = "Only audits whose URL contains this text")
    String url;

    @Option(names = "--min-score", description = "Lowest trust score (0-100)")
    Integer minScore;

    @Option(names = "--max-score", description = "Highest trust score (0-100)")
    Integer maxScore;

    @Option(names = "--since", description = "Created on or after (YYYY-MM-DD or an ISO instant)")
    String since;

    @Option(names = "--until", description = "Created on or before (YYYY-MM-DD or an ISO instant)")
    String until;

    @Option(names = "--sort", defaultValue = "newest", description = "newest, oldest, score_desc or score_asc")
    String sort;

    @Option(names = "--limit", defaultValue = "20", description = "Audits per page (1-200)")
    int limit;

    @Option(names = "--cursor", description = "Continue after a previous page (printed at its end)")
    String cursor;

    @Option(names = "--json", description = "Print JSON: {items, total, next_cursor}")
    boolean json;

    @Override
    public Integer call() {
        HistoryQuery query = HistoryQuery.builder()
                .status(status == null ? null : AuditStatus.parse(status))
                .riskLevel(risk == null ? null : RiskLevel.parse(risk))
                .host(host)
                .urlContains(url)
                .minScore(minScore)
                .maxScore(maxScore)
                .createdFrom(since == null ? null : parseTime("--since", since, false))
                .createdTo(until == null ? null : parseTime("--until", until, true))
                .sort(HistorySort.parse(sort))
                .limit(limit)
                .cursor(cursor)
                .build();
        PrintWriter out = spec.commandLine().getOut();
        try (AuditStore s = store.open()) {
            HistoryPage page = s.history(query);
            if (json) {
                out.println(Json.pretty(AuditJson.history(page.items(), page.total(), page.nextCursor())));
                return 0;
            }
            if (page.items().isEmpty()) {
                out.println(page.total() == 0 && query.equals(HistoryQuery.all())
                        ? "No audits yet. Start one with: veritas audit https://example.com"
                        : "No audits match.");
                return 0;
            }
            TextTable table = new TextTable(70, "ID", "STATUS", "SCORE", "RISK", "TIER", "CREATED (UTC)", "URL");
            for (AuditSummary a : page.items()) {
                table.row(a.id(), a.status().wire(), a.trustScore().map(String::valueOf).orElse("-"),
                        a.riskLevel().map(RiskLevel::wire).orElse("-"), a.tier().wire(), Format.time(a.createdAt()), a.url());
            }
            table.print(out);
            out.printf("%d of %d audits%n", page.items().size(), page.total());
            page.nextCursor().ifPresent(c -> out.println("next page: veritas history --cursor " + c));
            return 0;
        }
    }

    static Instant parseTime(String option, String text, boolean endOfDay) {
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return endOfDay ? day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1)
                        : day.atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " must be a date like 2026-11-27 or an instant like 2026-11-27T10:00:00Z (got '" + text + "')");
        }
    }
}
