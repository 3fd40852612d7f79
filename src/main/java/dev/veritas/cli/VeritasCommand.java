package dev.veritas.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

import picocli.CommandLine;
@Command(name = "veritas",
        mixinStandardHelpOptions = true,
        version = "veritas 0.1.0",
        description = "Audits websites for phishing, dark patterns and security weaknesses, and keeps every audit.",
        subcommands = {
            ServeCommand.class,
            AuditCommand.class,
            HistoryCommand.class,
            CompareCommand.class,
            ExportCommand.class,
            ShowCommand.class,
            DbCommand.class,
            EvalCommand.class,
            BenchCommand.class,
        })
public final class VeritasCommand implements Runnable {
    @CommandLine.Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
