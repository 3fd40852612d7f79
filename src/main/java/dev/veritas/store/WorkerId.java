package dev.veritas.store;

import dev.veritas.audit.Require;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Who runs an audit: a host, a process and its start time. Recovery uses it to tell a live worker
 * from a dead one on the same host without waiting for its lease to run out.
 */
public record WorkerId(String host, long pid, long processStartMillis, String name) {
    public WorkerId {
        Require.text("worker host", host);
        Require.text("worker name", name);
    }

    private static final WorkerId CURRENT = detect("main");

    public static WorkerId current() {
        return CURRENT;
    }

    public WorkerId named(String newName) {
        return new WorkerId(host, pid, processStartMillis, newName);
    }

    private static WorkerId detect(String name) {
        ProcessHandle self = ProcessHandle.current();
        long start = self.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        return new WorkerId(localHost(), self.pid(), start, name);
    }

    static String localHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            // A name the resolver does not know (a container without its own hosts entry): the kernel still has it.
            return kernelHostName().orElse("localhost");
        }
    }

    private static Optional<String> kernelHostName() {
        try {
            return Optional.of(Files.readString(KERNEL_HOST_NAME).strip()).filter(n -> !n.isEmpty());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Linux's node name, the one {@code hostname} prints; other systems resolve their own name. */
    private static final Path KERNEL_HOST_NAME = Path.of("/proc/sys/kernel/hostname");

    /** Stored form: {@code host/pid/start/name}. */
    public String encode() {
        return host + "/" + pid + "/" + processStartMillis + "/" + name;
    }

    public static Optional<WorkerId> decode(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.split("/", 4);
        if (parts.length != 4) {
            return Optional.empty();
        }
        try {
            return Optional.of(new WorkerId(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2]), parts[3]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** True when this worker's process is known to have exited (same host, and that pid is gone or reused). */
    public boolean isKnownDead() {
        if (!host.equals(CURRENT.host)) {
            return false;
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return true;
        }
        Optional<Instant> started = handle.get().info().startInstant();
        return processStartMillis != 0 && started.isPresent()
                && Math.abs(started.get().toEpochMilli() - processStartMillis) > 2_000;
    }
}
