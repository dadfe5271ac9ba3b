package dev.debrief.containers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's podman as this machine runs it (shared/recipes/containers): runc with the cgroupfs manager, and default
 * ulimits below the machine's own (podman's defaults are refused here). The settings go in a containers.conf of
 * our own (CONTAINERS_CONF), so {@code podman kube play} applies them to every container it starts.
 */
final class Podman {

    private final Path config;

    Podman(Path workDir) throws IOException {
        Files.createDirectories(workDir);
        this.config = workDir.resolve("containers.conf");
        Files.writeString(config, """
                [containers]
                default_ulimits = ["nofile=4096:4096", "nproc=4096:4096"]
                [engine]
                runtime = "runc"
                cgroup_manager = "cgroupfs"
                """);
    }

    static boolean available() {
        try {
            Process p = new ProcessBuilder("podman", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs podman with these arguments; fails with its output unless it exits 0. */
    String run(String... args) {
        String output = exec(args);
        if (output.startsWith("!")) {
            throw new AssertionError("podman " + String.join(" ", args) + " failed:\n" + output.substring(1));
        }
        return output;
    }

    /** Runs podman, returning its output, prefixed with "!" when it failed (for best-effort clean-ups). */
    String exec(String... args) {
        List<String> command = new ArrayList<>(List.of("podman"));
        command.addAll(List.of(args));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("CONTAINERS_CONF", config.toString());
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return "!timed out: " + output;
            }
            return process.exitValue() == 0 ? output : "!" + output;
        } catch (IOException e) {
            return "!" + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "!interrupted";
        }
    }
}
