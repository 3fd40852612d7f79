package dev.veritas.testing;

import dev.veritas.config.Env;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The MDN HTTP Observatory's own analyzer, kept beside the project in {@code ../shared/tools/observatory-oracle}
 * (or where {@code VERITAS_OBSERVATORY_ORACLE} points), run with Node. Each use works on a copy in the test's
 * temporary folder, so that the copy can carry an HSTS preload list without touching the shared folder; its
 * npm dependencies are linked from the shared folder when installed there, and otherwise installed once into
 * {@code target/} ({@code npm ci}, from the npm registry). Without Node the test is skipped with the reason, and
 * fails under CI=true.
 */
public final class ObservatoryOracle {
    private static final long INSTALL_MINUTES = 5;
    private static final long GRADE_MINUTES = 5;

    private final Path dir;

    private ObservatoryOracle(Path dir) {
        this.dir = dir;
    }

    /** The folder of the analyzer, as shipped beside the project. */
    public static Path sharedFolder() {
        return Env.get("VERITAS_OBSERVATORY_ORACLE").map(Path::of)
                .orElseGet(() -> Path.of("..", "shared", "tools", "observatory-oracle")).toAbsolutePath().normalize();
    }

    /** A runnable copy in {@code workDir}, whose preload list is {@code hstsPreloadJson} (Chromium's JSON shape). */
    public static ObservatoryOracle prepare(Path workDir, String hstsPreloadJson) throws IOException, InterruptedException {
        Path shared = sharedFolder();
        if (!Files.isRegularFile(shared.resolve("grade.mjs"))) {
            missing("the Observatory oracle is not at " + shared + " (grade.mjs missing); set VERITAS_OBSERVATORY_ORACLE to its folder");
        }
        if (!commandWorks("node", "--version")) {
            missing("Node is not installed (apt-get install nodejs npm); the Observatory oracle runs on it");
        }
        Path copy = workDir.resolve("observatory-oracle");
        copyTree(shared.resolve("src"), copy.resolve("src"));
        copyTree(shared.resolve("conf"), copy.resolve("conf"));
        for (String file : List.of("grade.mjs", "package.json", "package-lock.json")) {
            Files.copy(shared.resolve(file), copy.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(copy.resolve("conf").resolve("hsts-preload.json"), hstsPreloadJson, StandardCharsets.UTF_8);
        Files.createSymbolicLink(copy.resolve("node_modules"), modules(shared));
        return new ObservatoryOracle(copy);
    }

    /**
     * The analyzer's npm dependencies: the shared folder's when installed there, else an install of its lock file
     * kept in {@code target/} (made once per build folder, with {@code npm ci} from the npm registry).
     */
    private static Path modules(Path shared) throws IOException, InterruptedException {
        Path sharedModules = shared.resolve("node_modules");
        if (Files.isDirectory(sharedModules.resolve("axios"))) {
            return sharedModules;
        }
        Path cache = Path.of("target", "observatory-oracle-modules").toAbsolutePath();
        byte[] lock = Files.readAllBytes(shared.resolve("package-lock.json"));
        Path cachedLock = cache.resolve("package-lock.json");
        boolean current = Files.isDirectory(cache.resolve("node_modules").resolve("axios")) && Files.isRegularFile(cachedLock)
                && Arrays.equals(Files.readAllBytes(cachedLock), lock);
        if (!current) {
            if (!commandWorks("npm", "--version")) {
                missing("npm is not installed (apt-get install npm); the oracle's dependencies need it once");
            }
            Files.createDirectories(cache);
            Files.copy(shared.resolve("package.json"), cache.resolve("package.json"), StandardCopyOption.REPLACE_EXISTING);
            Files.write(cachedLock, lock);
            run(cache, INSTALL_MINUTES, cache.resolve("npm-ci.log"), "npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund");
        }
        return cache.resolve("node_modules");
    }

    /** Grades a JSON-lines file of sites; returns the file of grades, one JSON line per site. */
    public Path grade(Path sites) throws IOException, InterruptedException {
        Path grades = sites.resolveSibling(sites.getFileName() + ".oracle.jsonl");
        run(dir, GRADE_MINUTES, grades, "node", "grade.mjs", ".", sites.toAbsolutePath().toString());
        return grades;
    }

    private static void run(Path workDir, long minutes, Path output, String... command) throws IOException, InterruptedException {
        Path errors = output.resolveSibling(output.getFileName() + ".stderr");
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
        if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            Assertions.fail(String.join(" ", command) + " did not finish within " + minutes + " minutes");
        }
        if (process.exitValue() != 0) {
            Assertions.fail(String.join(" ", command) + " exited with " + process.exitValue() + ": "
                    + tail(Files.readString(errors, StandardCharsets.UTF_8)));
        }
    }

    private static String tail(String text) {
        return text.length() > 2000 ? text.substring(text.length() - 2000) : text;
    }

    private static boolean commandWorks(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(from)) {
            walk.forEach(paths::add);
        }
        for (Path p : paths) {
            Path target = to.resolve(from.relativize(p).toString());
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(target);
            } else {
                Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                target.toFile().setWritable(true, true);
            }
        }
    }

    private static void missing(String reason) {
        if (Env.isCi()) {
            Assertions.fail(reason + " — CI=true, so this is a failure, not a skip");
        }
        Assumptions.abort(reason);
    }
}
