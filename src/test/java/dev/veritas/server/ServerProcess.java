package dev.veritas.server;

import dev.veritas.cli.Main;
import dev.veritas.testing.ChildJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code veritas} in its own JVM with its log and output merged, so a test can wait for a line as it is printed,
 * give the process its own environment, and stop it with SIGTERM as a service manager does.
 */
final class ServerProcess implements AutoCloseable {
    private static final Pattern RUNNING_AT = Pattern.compile("running at http://127\\.0\\.0\\.1:(\\d+)/");
    private static final String EOF = "\u0000EOF";

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> all = new CopyOnWriteArrayList<>();

    private ServerProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    all.add(line);
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process is gone; what was read is what it wrote
            }
            lines.add(EOF);
        }, "server-process-output");
        reader.setDaemon(true);
        reader.start();
    }

    static ServerProcess start(Path workDir, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                // The production logging (INFO to stderr, merged here), not the test suite's quieter one.
                "-Dlogback.configurationFile=logback.xml", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("VERITAS_") && !k.equals("VERITAS_CHROMIUM"));
        pb.environment().putAll(env);
        return new ServerProcess(pb.start());
    }

    /** Waits for a printed line containing {@code text} and returns it. */
    String awaitLine(String text, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null || line.equals(EOF)) {
                throw new AssertionError((line == null ? "no line with '" + text + "' within " + seconds + " s"
                        : "the process ended (exit " + exitCode() + ") without printing '" + text + "'") + "; output: " + all);
            }
            if (line.contains(text)) {
                return line;
            }
        }
    }

    /** The port of {@code veritas serve} started as a {@link ChildJvm}, once it says it is running. */
    static int port(ChildJvm server) throws InterruptedException {
        return Integer.parseInt(server.awaitMatch(RUNNING_AT, 60).group(1));
    }

    /** The port of {@code veritas serve}, once it says it is running. */
    int port() throws InterruptedException {
        Matcher m = RUNNING_AT.matcher(awaitLine("running at http://", 90));
        if (!m.find()) {
            throw new AssertionError("unexpected start line; output: " + all);
        }
        return Integer.parseInt(m.group(1));
    }

    /**
     * SIGTERM: the JVM runs its shutdown hooks, as on `systemctl stop` or `docker stop`. Through the process handle,
     * because {@link Process#destroy()} also closes our end of the child's output, and what it logs while stopping
     * is exactly what the tests wait for.
     */
    void terminate() {
        process.toHandle().destroy();
    }

    int awaitExit(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("the process did not exit within " + seconds + " s; output: " + all);
        }
        return process.exitValue();
    }

    private String exitCode() {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook runs, as when a machine or container dies. */
    void kill() throws InterruptedException {
        process.toHandle().destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    List<String> output() {
        return List.copyOf(all);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }
}
