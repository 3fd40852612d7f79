package dev.veritas.bench;

/**
 * The entry point the benchmarks start child Veritas processes with. It is named, not imported: the benchmarks sit
 * below the CLI that runs them, and an import would tie them back up to it ({@code VeritasMainTest} keeps the name true).
 */
public final class VeritasMain {
    public static final String CLASS_NAME = "dev.veritas.cli.Main";

    private VeritasMain() {}
}
