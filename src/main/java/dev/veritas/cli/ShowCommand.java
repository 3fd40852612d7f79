package dev.veritas.cli;

import dev.veritas.audit.Audit;
import dev.veritas.audit.AuditId;
import dev.veritas.json.AuditJson;
import dev.veritas.json.Json;
import dev.veritas.store.AuditStore;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one audit: verdict, findings, recommendations.")
final class ShowCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "Audit id (vrts_…)")
    String id;

    @Option(names = "--json", description = "Print the audit as GET /api/audits/{id} answers")
    boolean json;

    @Override
    public Integer call() {
        AuditId auditId = new AuditId(id);
        PrintWriter out = spec.commandLine().getOut();
        try (AuditStore s = store.open()) {
            Audit audit = s.get(auditId);
            if (json) {
                out.println(Json.pretty(AuditJson.audit(audit)));
            } else {
                new AuditReportText(out).full(Json.tree(AuditJson.audit(audit)));
            }
            return 0;
        }
    }
}
