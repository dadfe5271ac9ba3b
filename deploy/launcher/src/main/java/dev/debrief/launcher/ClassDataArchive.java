package dev.debrief.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * How a service starts faster after its first run: the JVM keeps what it learnt while starting (classes parsed,
 * verified and linked; on JDK 25 also method profiles) in a file in the service's working directory.
 * <ul>
 * <li>JDK 25 and newer: an AOT cache (JEP 483, 514, 515). The run that finds no cache, or one older than the
 * service's jar, records one and writes it when it stops; later runs load from it.</li>
 * <li>JDK 21 to 24: a dynamic application class-data archive, written and reused the same way.</li>
 * </ul>
 * Both need the services packaged as {@code aot-jar} (plain class path; see the root pom): classes loaded by
 * Quarkus's own fast-jar class loader cannot be archived.
 *
 * @param options       the JVM options to add
 * @param writtenOnStop whether this run writes the file when it stops (the stop then takes a few seconds longer)
 */
record ClassDataArchive(List<String> options, boolean writtenOnStop) {

    static final int AOT_CACHE_JDK = 25;

    /** The JVM's warnings about classes it cannot archive (generated proxies, failed preloads) are noise here. */
    private static final List<String> QUIET = List.of("-Xlog:aot=off", "-Xlog:cds=off", "-Xlog:cds+dynamic=off");

    static ClassDataArchive none() {
        return new ClassDataArchive(List.of(), false);
    }

    /**
     * @param jvmOptions the options the user configured: when they already decide on class-data sharing, they win
     * @param workDir    the service's working directory, where the file lives
     * @param jar        the service's jar: a file older than it belongs to an earlier build and is replaced
     * @param jdkFeature the feature release of the JDK that runs the service (21, 25, ...)
     */
    static ClassDataArchive forService(List<String> jvmOptions, Path workDir, Path jar, int jdkFeature) {
        boolean decided = jvmOptions.stream().anyMatch(o -> o.startsWith("-Xshare") || o.contains("SharedArchiveFile")
                || o.contains("AOTCache") || o.contains("AOTMode"));
        if (decided) {
            return none();
        }
        if (jdkFeature >= AOT_CACHE_JDK) {
            Path cache = workDir.resolve("app.aot");
            if (isCurrent(cache, jar)) {
                return new ClassDataArchive(concat("-XX:AOTCache=" + cache), false);
            }
            return new ClassDataArchive(concat("-XX:AOTCacheOutput=" + cache), true);
        }
        Path archive = workDir.resolve("app-cds.jsa");
        return new ClassDataArchive(concat("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive),
                !isCurrent(archive, jar));
    }

    private static List<String> concat(String... options) {
        return Stream.concat(Arrays.stream(options), QUIET.stream()).toList();
    }

    /** Present, and written after the jar was built (and after the JDK was installed: a new JDK rejects it). */
    private static boolean isCurrent(Path file, Path jar) {
        try {
            var written = Files.getLastModifiedTime(file);
            return written.compareTo(Files.getLastModifiedTime(jar)) >= 0
                    && written.compareTo(Files.getLastModifiedTime(JavaRuntime.home().resolve("lib/modules"))) >= 0;
        } catch (IOException e) {
            return false;
        }
    }
}
