package dev.veritas.cli;

import dev.veritas.bench.WorkDir;
import dev.veritas.config.Env;
import dev.veritas.store.factory.StoreConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where a benchmark puts its temporary files: --data, else $VERITAS_DATA, else the default data directory, so that it
 * measures the disk audits live on. The files are removed when the benchmark ends.
 */
final class BenchDataDir {
    @Option(names = "--data", paramLabel = "DIR",
            description = "Where to put the benchmark's temporary files, removed at its end (default $VERITAS_DATA or ./veritas-data)")
    Path data;

    /** Runs {@code body} in a fresh folder (named {@code prefix…}) under the data directory. */
    int use(String prefix, WorkDir.Body body) throws Exception {
        return WorkDir.use(data != null ? data : Env.get("VERITAS_DATA").map(Path::of).orElse(StoreConfig.DEFAULT_DATA), prefix, body);
    }
}
