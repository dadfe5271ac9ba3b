package dev.debrief.containers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * ONNX Runtime's jar (scoring-service's embedding model runs on it) carries its native libraries for every platform,
 * 93 MB, and at start copies its platform's into a new temporary directory that it deletes only on a clean exit.
 * In a pod that directory is the memory-backed {@code /tmp}: each container killed (out of memory, a failed probe)
 * would leave 17 MB there, and the pod is evicted once they pass its size limit. So the image carries Linux x86-64's
 * libraries as files of their own ({@link #DIRECTORY}, which {@code -Donnxruntime.native.path} names) and the jar
 * none: nothing is written at start. The jar copy keeps every other entry, in order, with its original time, so
 * the same jar gives the same bytes.
 */
final class NativeLibraries {

    /** Where the image holds ONNX Runtime's libraries. */
    static final String DIRECTORY = "native/onnxruntime";
    private static final Pattern ANY_PLATFORM = Pattern.compile("ai/onnxruntime/native/.+");
    /** The image's platform's libraries (not its directory entry). */
    private static final Pattern OWN_PLATFORM = Pattern.compile("ai/onnxruntime/native/linux-x64/([^/]+)");

    private NativeLibraries() {
    }

    /** Whether jar is ONNX Runtime's, with native libraries inside. */
    static boolean carriesOnnxRuntime(Path jar) throws IOException {
        if (!jar.getFileName().toString().endsWith(".jar")) {
            return false;
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().anyMatch(e -> OWN_PLATFORM.matcher(e.getName()).matches());
        }
    }

    /** Writes jar without any platform's libraries to target. */
    static Path withoutLibraries(Path jar, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try (ZipFile zip = new ZipFile(jar.toFile()); OutputStream file = Files.newOutputStream(target);
             ZipOutputStream out = new ZipOutputStream(file)) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (ANY_PLATFORM.matcher(entry.getName()).matches()) {
                    continue;
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                try (InputStream in = zip.getInputStream(entry)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return target;
    }

    /** Writes the image's platform's libraries from jar into directory; returns them, in jar order. */
    static List<Path> ownPlatform(Path jar, Path directory) throws IOException {
        Files.createDirectories(directory);
        List<Path> written = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Matcher own = OWN_PLATFORM.matcher(entry.getName());
                if (own.matches()) {
                    Path library = directory.resolve(own.group(1));
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
                    }
                    written.add(library);
                }
            }
        }
        return written;
    }
}
