package dev.veritas.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQLite's own limit for the benchmark's unit: a small C program (shipped as source, built here with the machine's
 * gcc against its SQLite headers) that writes the same rows through the C API with prepared statements and one
 * transaction per unit. No JDBC, no JVM: what a careful single-threaded writer gets from SQLite itself.
 */
final class CApiBaseline {
    private static final Pattern RESULT = Pattern.compile("units=(\\d+) seconds=([0-9.]+) cpu_seconds=([0-9.]+) sqlite=(\\S+)");
    private static final String SOURCE = "capi_baseline.c";

    private final Path binary;

    /** One run of the program: what it measured itself, without its start-up. */
    record Run(int units, double seconds, double cpuSeconds, String sqliteVersion) {
        double unitsPerSecond() {
            return units / seconds;
        }

        /** CPU time per unit in microseconds: unlike the rate, hardly changed by other programs competing for the cores. */
        double cpuMicrosPerUnit() {
            return cpuSeconds * 1e6 / units;
        }
    }

    /** Why the baseline could not be built, in a line that says what to install. */
    static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        Unavailable(String message) {
            super(message);
        }
    }

    private CApiBaseline(Path binary) {
        this.binary = binary;
    }

    /** Compiles the program into {@code dir}. */
    static CApiBaseline build(Path dir) throws Unavailable, IOException, InterruptedException {
        Path source = dir.resolve(SOURCE);
        try (InputStream in = CApiBaseline.class.getResourceAsStream(SOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SOURCE + " is missing from the Veritas jar");
            }
            Files.copy(in, source);
        }
        Path binary = dir.resolve("capi_baseline");
        Process gcc;
        try {
            gcc = new ProcessBuilder("gcc", "-O2", "-o", binary.toString(), source.toString(), "-lsqlite3")
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new Unavailable("gcc not found; install it and SQLite's headers (apt-get install gcc libsqlite3-dev) for the C-API baseline");
        }
        String output = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!gcc.waitFor(2, TimeUnit.MINUTES)) {
            gcc.destroyForcibly();
            throw new Unavailable("gcc did not finish building the C-API baseline within 2 minutes");
        }
        if (gcc.exitValue() != 0) {
            String first = output.lines().findFirst().orElse("exit " + gcc.exitValue());
            throw new Unavailable(output.contains("sqlite3.h")
                    ? "SQLite's headers are missing; install them (apt-get install libsqlite3-dev) for the C-API baseline"
                    : "could not build the C-API baseline: " + first);
        }
        return new CApiBaseline(binary);
    }

    /** Writes {@code units} units into {@code database}, whose schema must already exist. */
    Run run(Path database, int units, String synchronous) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(binary.toString(), database.toString(), Integer.toString(units), synchronous)
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("the C-API baseline failed: " + output.strip());
        }
        Matcher m = RESULT.matcher(output);
        if (!m.find()) {
            throw new IOException("the C-API baseline printed no result: " + output.strip());
        }
        return new Run(Integer.parseInt(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)), m.group(4));
    }
}
