package dev.veritas.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** One `veritas serve` node in its own JVM (the same Veritas as this one), as a cluster benchmark runs them. */
final class NodeProcess implements AutoCloseable {
    private static final Pattern RUNNING_AT = Pattern.compile("running at http://127\\.0\\.0\\.1:(\\d+)/");
    private static final String EOF = "\u0000EOF";

    private final String name;
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> tail = new ArrayList<>();

    private NodeProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the node is gone; what it printed was read
            }
            lines.add(EOF);
        }, "bench-node-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code veritas serve} with these arguments on a free loopback port. */
    static NodeProcess start(String name, Path workDir, List<String> serveArgs) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", classPath(), VeritasMain.CLASS_NAME, "serve", "--host", "127.0.0.1", "--port", "0"));
        command.addAll(serveArgs);
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        return new NodeProcess(name, pb.start());
    }

    /** This JVM's class path with every entry absolute: `java -jar target/veritas.jar` names it relative to where it started. */
    private static String classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(e -> Path.of(e).toAbsolutePath().toString()).collect(Collectors.joining(File.pathSeparator));
    }

    /** The node's port, once it says it is running (a node that cannot start says why). */
    int awaitPort(long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null || line.equals(EOF)) {
                throw new IllegalStateException(name + (line == null ? " did not start within " + seconds + " s" : " exited") + "; it printed: "
                        + String.join("\n", tail.subList(Math.max(0, tail.size() - 20), tail.size())));
            }
            tail.add(line);
            Matcher m = RUNNING_AT.matcher(line);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
    }

    /** SIGTERM, as a service manager stops a node; forcibly if it has not stopped after 30 s. */
    @Override
    public void close() throws InterruptedException {
        process.toHandle().destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
