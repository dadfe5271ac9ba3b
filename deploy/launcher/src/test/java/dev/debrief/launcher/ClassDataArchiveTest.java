package dev.debrief.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassDataArchiveTest {

    private static final List<String> OPTIONS = StackConfig.DEFAULT_SERVICE_JVM_OPTIONS;

    @TempDir
    Path workDir;

    @Test
    void shouldRecordAnAotCacheOnJdk25WhenThereIsNoneYet() throws IOException {
        ClassDataArchive archive = ClassDataArchive.forService(OPTIONS, workDir, jarBuiltAt(Instant.now()), 25);

        assertTrue(archive.options().contains("-XX:AOTCacheOutput=" + workDir.resolve("app.aot")));
        assertTrue(archive.writtenOnStop());
    }

    @Test
    void shouldLoadACurrentAotCacheWithoutRewritingIt() throws IOException {
        Path jar = jarBuiltAt(Instant.now().minusSeconds(60));
        Files.writeString(workDir.resolve("app.aot"), "cache");

        ClassDataArchive archive = ClassDataArchive.forService(OPTIONS, workDir, jar, 25);

        assertTrue(archive.options().contains("-XX:AOTCache=" + workDir.resolve("app.aot")));
        assertFalse(archive.writtenOnStop());
    }

    @Test
    void shouldRecordAgainWhenTheJarIsNewerThanTheCache() throws IOException {
        Files.writeString(workDir.resolve("app.aot"), "cache");
        Files.setLastModifiedTime(workDir.resolve("app.aot"), FileTime.from(Instant.now().minusSeconds(60)));

        ClassDataArchive archive = ClassDataArchive.forService(OPTIONS, workDir, jarBuiltAt(Instant.now()), 25);

        assertTrue(archive.options().contains("-XX:AOTCacheOutput=" + workDir.resolve("app.aot")));
        assertTrue(archive.writtenOnStop());
    }

    @Test
    void shouldFallBackToADynamicClassDataArchiveBeforeJdk25() throws IOException {
        ClassDataArchive archive = ClassDataArchive.forService(OPTIONS, workDir, jarBuiltAt(Instant.now()), 21);

        assertTrue(archive.options().contains("-XX:+AutoCreateSharedArchive"));
        assertTrue(archive.options().contains("-XX:SharedArchiveFile=" + workDir.resolve("app-cds.jsa")));
        assertTrue(archive.writtenOnStop());
    }

    @Test
    void shouldLeaveItToOptionsThatAlreadyDecide() throws IOException {
        Path jar = jarBuiltAt(Instant.now());

        assertEquals(ClassDataArchive.none(), ClassDataArchive.forService(List.of("-Xshare:off"), workDir, jar, 25));
        assertEquals(ClassDataArchive.none(),
                ClassDataArchive.forService(List.of("-XX:AOTCache=/x.aot"), workDir, jar, 25));
    }

    private Path jarBuiltAt(Instant when) throws IOException {
        Path jar = Files.writeString(workDir.resolve("quarkus-run.jar"), "jar");
        Files.setLastModifiedTime(jar, FileTime.from(when));
        return jar;
    }
}
