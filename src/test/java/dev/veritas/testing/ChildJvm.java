package dev.veritas.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A second JVM running a main class from the test classpath, with its output lines readable as they come. */
public final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> all = new ArrayList<>();
    private final Thread reader;

    private ChildJvm(Process process) {
        this.process = process;
        this.reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process died; what was read is what it wrote
            }
            lines.add(EOF);
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
    }

    private static final String EOF = "\u0000EOF";

    public static ChildJvm start(Class<?> mainClass, Path workDir, String... args) throws IOException {
        return startUnder(List.of(), mainClass, workDir, args);
    }

    /** Starts the JVM through {@code launcher} (a command that ends by running its arguments, e.g. a shell setting limits). */
    public static ChildJvm startUnder(List<String> launcher, Class<?> mainClass, Path workDir, String... args) throws IOException {
        List<String> command = new ArrayList<>(launcher);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT);
        return new ChildJvm(pb.start());
    }

    /** Sends one line to the child's standard input. */
    public void send(String line) throws IOException {
        process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    /** The next line the child printed, or null when it has exited and everything was read. */
    public String nextLine(long timeoutSeconds) throws InterruptedException {
        String line = lines.poll(timeoutSeconds, TimeUnit.SECONDS);
        if (line == null) {
            throw new IllegalStateException("the child process printed nothing for " + timeoutSeconds + " s; output so far: " + all);
        }
        if (line.equals(EOF)) {
            lines.add(EOF);
            return null;
        }
        all.add(line);
        return line;
    }

    /**
     * The first line the child prints that matches {@code pattern}, waiting at most {@code secondsPerLine} for each
     * line; fails with everything printed so far when the child exits first.
     */
    public Matcher awaitMatch(Pattern pattern, long secondsPerLine) throws InterruptedException {
        String line;
        while ((line = nextLine(secondsPerLine)) != null) {
            Matcher m = pattern.matcher(line);
            if (m.find()) {
                return m;
            }
        }
        throw new IllegalStateException("the child process ended without printing a line like " + pattern + ": " + linesSoFar());
    }

    /** Kills the child with SIGKILL (no shutdown hooks, no flush) and returns every line it printed before dying. */
    public List<String> killHard() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        reader.join(TimeUnit.SECONDS.toMillis(30));
        while (nextLine(5) != null) {
            // drain
        }
        return List.copyOf(all);
    }

    public int waitFor(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new IllegalStateException("child process did not finish within " + seconds + " s");
        }
        return process.exitValue();
    }

    /** Reads whatever the child has printed so far without waiting; true once it has exited. */
    public boolean drainAvailable() {
        String line;
        while ((line = lines.poll()) != null) {
            if (line.equals(EOF)) {
                lines.add(EOF);
                return true;
            }
            all.add(line);
        }
        return false;
    }

    /** Waits for the child to exit and reads all it printed. */
    public int finish(long seconds) throws InterruptedException {
        int code = waitFor(seconds);
        reader.join(TimeUnit.SECONDS.toMillis(seconds));
        drainAvailable();
        return code;
    }

    public long pid() {
        return process.pid();
    }

    public List<String> linesSoFar() {
        return List.copyOf(all);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
