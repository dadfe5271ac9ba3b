package dev.debrief.launcher;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real Keycloak server (the keycloak-quarkus-dist from Maven) in dev mode with its H2 database, unpacked
 * into {@code <home>/keycloak} on the first start only. The realm is imported when Keycloak has none yet;
 * when deploy/keycloak/debrief-realm.json changed since the last import, Keycloak's database is reset so the
 * new realm is imported (it holds only demo data).
 */
final class KeycloakServer implements Component {

    /** Demo credentials of the local stack's Keycloak admin console (master realm). */
    static final String ADMIN_USER = "admin";
    static final String ADMIN_PASSWORD = "admin";
    static final String REALM = "debrief";

    /** A first start unpacks, builds Keycloak's optimised server and imports the realm: about a minute on two cores. */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(300);

    private final ChildProcess process;

    private KeycloakServer(ChildProcess process) {
        this.process = process;
    }

    static KeycloakServer start(StackConfig config, Readiness readiness, Progress progress) {
        Path keycloakDir = config.home().resolve("keycloak");
        Path server = keycloakDir.resolve("keycloak-" + Distributions.keycloakVersion());
        if (!Files.isRegularFile(server.resolve("bin/kc.sh"))) {
            long began = progress.now();
            unpack(Distributions.keycloakArchive(), keycloakDir, server);
            progress.step("Keycloak", "unpacked into " + server + " in " + Progress.took(began) + " (first start)");
        }
        installRealm(config.realmFile(), keycloakDir, server, progress);

        Ports ports = config.ports();
        ChildProcess kc = ChildProcess.start("keycloak", List.of(server.resolve("bin/kc.sh").toString(), "start-dev",
                        "--http-host=127.0.0.1",
                        "--http-port=" + ports.keycloak(),
                        "--http-management-port=" + ports.keycloakManagement(),
                        "--health-enabled=true",
                        // a fixed issuer, whether a client says localhost or 127.0.0.1
                        "--hostname=http://localhost:" + ports.keycloak(),
                        "--import-realm"),
                Map.of("JAVA_HOME", JavaRuntime.home().toString(),
                        "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER,
                        "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD),
                server, config.logs().resolve("keycloak.log"));
        KeycloakServer keycloak = new KeycloakServer(kc);
        try {
            readiness.awaitHttpOk(kc, URI.create("http://localhost:" + ports.keycloakManagement() + "/health/ready"), READY_TIMEOUT);
            readiness.awaitHttpOk(kc, URI.create(issuer(ports) + "/.well-known/openid-configuration"), Duration.ofSeconds(30));
        } catch (RuntimeException e) {
            keycloak.stop();
            throw e;
        }
        return keycloak;
    }

    static String issuer(Ports ports) {
        return "http://localhost:" + ports.keycloak() + "/realms/" + REALM;
    }

    static String tokenUrl(Ports ports) {
        return issuer(ports) + "/protocol/openid-connect/token";
    }

    /** tar keeps kc.sh executable; unpacking beside the target and renaming means a half-unpacked server is never used. */
    private static void unpack(Path archive, Path keycloakDir, Path server) {
        Path staging = keycloakDir.resolve(".unpacking");
        try {
            deleteRecursively(staging);
            Files.createDirectories(staging);
            Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", staging.toString())
                    .redirectErrorStream(true).start();
            String output = new String(tar.getInputStream().readAllBytes());
            if (tar.waitFor() != 0) {
                throw new StackException("unpacking " + archive + " failed: " + output.strip());
            }
            Files.move(staging.resolve(server.getFileName()), server, StandardCopyOption.ATOMIC_MOVE);
            deleteRecursively(staging);
        } catch (IOException e) {
            throw new StackException("unpacking Keycloak into " + keycloakDir + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while unpacking Keycloak");
        }
    }

    private static void installRealm(Path realm, Path keycloakDir, Path server, Progress progress) {
        try {
            byte[] content = Files.readAllBytes(realm);
            String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
            Path imported = keycloakDir.resolve("imported-realm.sha256");
            Path database = server.resolve("data/h2");
            boolean changed = Files.exists(imported) && !Files.readString(imported).strip().equals(digest);
            if (changed && Files.exists(database)) {
                progress.step("Keycloak", realm.getFileName() + " changed since its import: resetting Keycloak's database to import it again");
                deleteRecursively(database);
            }
            Path importDir = server.resolve("data/import");
            Files.createDirectories(importDir);
            Files.write(importDir.resolve(realm.getFileName()), content);
            Files.writeString(imported, digest + System.lineSeparator());
        } catch (IOException e) {
            throw new StackException("cannot install the realm " + realm + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Override
    public String name() {
        return "Keycloak";
    }

    @Override
    public void stop() {
        process.stop(Duration.ofSeconds(20));
    }
}
