package dev.debrief.containers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Jars that carry a native library for every platform (ONNX Runtime's, which scoring-service's embedding model runs
 * on: 93 MB, of which 17 MB is Linux x86-64's) are copied into the image without the other platforms' libraries.
 * The copy keeps every other entry, in order, with its original time, so the same jar gives the same bytes.
 */
final class NativeLibraries {

    /** A library directory of another platform than the image's (linux-x64). */
    private static final Pattern OTHER_PLATFORM = Pattern.compile("ai/onnxruntime/native/(?!linux-x64/).+");

    private NativeLibraries() {
    }

    static boolean hasOtherPlatforms(Path jar) throws IOException {
        if (!jar.getFileName().toString().endsWith(".jar")) {
            return false;
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().anyMatch(e -> OTHER_PLATFORM.matcher(e.getName()).matches());
        }
    }

    /** Writes jar without the other platforms' libraries to target. */
    static Path stripOtherPlatforms(Path jar, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try (ZipFile zip = new ZipFile(jar.toFile()); OutputStream file = Files.newOutputStream(target);
             ZipOutputStream out = new ZipOutputStream(file)) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (OTHER_PLATFORM.matcher(entry.getName()).matches()) {
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
}
