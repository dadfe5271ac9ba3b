package dev.debrief.e2e;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/walkthrough.md is run as written: every {@code bash} block, in order, in one shell with
 * {@code set -euo pipefail}, against the real stack (only GW, KC and KAFKA point at its ports). The doc
 * cannot drift from the API without failing the build.
 */
class WalkthroughIT {

    private static final Pattern BASH_BLOCK = Pattern.compile("(?ms)^```bash\\n(.*?)^```");

    @Test
    void shouldRunEveryCommandOfTheWalkthrough() throws Exception {
        Path repo = SharedStack.get().config().repoRoot();
        List<String> blocks = blocks(Files.readString(repo.resolve("docs/walkthrough.md")));
        assertTrue(blocks.size() >= 8, "the walkthrough has its bash blocks: " + blocks.size());

        // a scratch folder for the files the walkthrough writes, with the repository's deploy/ as in the repo root
        Path scratch = Files.createDirectories(Path.of("target", "walkthrough")).toAbsolutePath();
        Path deploy = scratch.resolve("deploy");
        if (!Files.exists(deploy)) {
            Files.createSymbolicLink(deploy, repo.resolve("deploy"));
        }
        Path script = scratch.resolve("walkthrough.sh");
        Files.writeString(script, "set -euo pipefail\n" + String.join("\n", blocks));

        var ports = SharedStack.ports();
        ProcessBuilder bash = new ProcessBuilder("bash", script.toString()).directory(scratch.toFile())
                .redirectErrorStream(true);
        bash.environment().put("GW", "http://localhost:" + ports.gateway());
        bash.environment().put("KC", "http://localhost:" + ports.keycloak());
        bash.environment().put("KAFKA", "localhost:" + ports.kafka());
        Process process = bash.start();
        byte[] out = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(10, TimeUnit.MINUTES), "the walkthrough finished");
        String output = new String(out, StandardCharsets.UTF_8);
        Files.writeString(scratch.resolve("output.txt"), output);

        assertEquals(0, process.exitValue(), "every command of the walkthrough succeeded:\n" + output);
        assertTrue(output.contains("304"), "If-None-Match answered 304:\n" + output);
        assertTrue(output.contains("\"status\": \"COMPLETED\""), "the loop was completed:\n" + output);
        assertTrue(output.contains("\"status\": 404"), "another firm's session stayed hidden:\n" + output);
        assertTrue(output.contains("\"committed\": true"), "the firm's import went in:\n" + output);
        assertTrue(output.contains("summit-churn-drop"), "the export printed the firm's bank:\n" + output);
        assertTrue(output.contains("dev.debrief.session."), "the consumer printed the session's events:\n" + output);
        assertTrue(output.contains("\"eventType\": \"session.created\""), "the webhook's log showed a delivery:\n" + output);
    }

    static List<String> blocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher m = BASH_BLOCK.matcher(markdown);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }
}
