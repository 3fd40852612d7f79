package dev.veritas.cli;

import dev.veritas.audit.Audit;
import dev.veritas.audit.AuditId;
import dev.veritas.report.Exports;
import dev.veritas.store.AuditStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export an audit: json (the API shape), html (one self-contained file with its screenshots) or pdf (printed by Chromium).")
final class ExportCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID")
    String id;

    @Option(names = "--format", defaultValue = "html", description = "json, html or pdf (default html)")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write (default: veritas-<host>-<id>.<ext> here; - for stdout)")
    String output;

    @Override
    public Integer call() throws IOException {
        Exports.Format f = Exports.Format.parse(format);
        try (AuditStore s = store.open()) {
            Audit audit = s.get(new AuditId(id));
            byte[] bytes = Exports.export(audit, s, f, EngineFlags.fromEnvironment().capture().chromium());
            if ("-".equals(output)) {
                System.out.write(bytes);
                System.out.flush();
                return 0;
            }
            Path target = Path.of(output != null ? output : Exports.fileName(audit, f));
            Files.write(target, bytes);
            spec.commandLine().getOut().println("wrote " + target.toAbsolutePath() + " (" + Format.bytes(bytes.length) + ")");
            return 0;
        }
    }
}
