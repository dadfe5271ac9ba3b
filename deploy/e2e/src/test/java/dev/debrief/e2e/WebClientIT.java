package dev.debrief.e2e;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reference web client in a real browser on the real stack: `web/e2e/browser-tests.mjs` drives Debian's
 * Chromium through playwright-core (a candidate and a coach in two contexts run one coached round; every page
 * is checked with axe-core, at 375 px and for console errors; screenshots land in target/screenshots). It
 * needs /usr/bin/chromium (`.ci/run` installs it; `apt-get install chromium` on a developer's machine): without
 * it the test fails and says so, rather than passing without a browser.
 */
class WebClientIT {

    private static final Path CHROMIUM = Path.of(System.getProperty("debrief.chromium", "/usr/bin/chromium"));

    @Test
    void shouldRunACoachedRoundInTwoBrowsersAndPassTheAccessibilityChecks() throws IOException, InterruptedException {
        assertTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM + ": apt-get install chromium");
        Path web = SharedStack.get().config().repoRoot().resolve("web");
        assertTrue(Files.isDirectory(web.resolve("node_modules/playwright-core")),
                "web/node_modules is missing: the web module's build (npm ci) installs it");
        Path screenshots = Path.of("target", "screenshots").toAbsolutePath();
        Path log = Path.of("target", "browser-tests.log").toAbsolutePath();
        Files.createDirectories(screenshots);

        ProcessBuilder browser = new ProcessBuilder(List.of("node", "e2e/browser-tests.mjs"))
                .directory(web.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        browser.environment().put("GATEWAY_URL", "http://localhost:" + SharedStack.ports().gateway());
        browser.environment().put("SCREENSHOTS", screenshots.toString());
        browser.environment().put("CHROMIUM", CHROMIUM.toString());
        Process process = browser.start();
        boolean finished = process.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        System.out.println(output);
        assertTrue(finished, "the browser tests did not finish in 10 minutes:\n" + output);
        assertEquals(0, process.exitValue(), "the browser tests failed:\n" + output);
        assertTrue(output.contains(" passed, 0 failed"), output);
    }
}
