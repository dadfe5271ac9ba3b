package dev.debrief.containers;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * {@code mvn -Pimages package}: one image tar per service in {@code deploy/containers/target/images/}, and
 * {@code images.properties} beside them with each image's digest, id and size.
 * Arguments: the repository root, the output directory, the image tag.
 */
public final class BuildImages {

    /** The four services, their HTTP ports (as in their application.properties). */
    public static final List<Service> SERVICES = List.of(new Service("question-service", 8081),
            new Service("session-service", 8082), new Service("scoring-service", 8083), new Service("gateway", 8080));

    public record Service(String name, int port) {
        public String reference(String tag) {
            return "localhost/debrief/" + name + ":" + tag;
        }
    }

    private BuildImages() {
    }

    public static void main(String[] args) throws Exception {
        Path repoRoot = Path.of(args[0]).toAbsolutePath().normalize();
        Path output = Path.of(args[1]).toAbsolutePath().normalize();
        String tag = args[2];
        List<ImageBuilder.Built> built = buildAll(repoRoot, output, tag);
        built.forEach(b -> System.out.printf("image %s  %s  %,d bytes%n", b.tar().getFileName(), b.digest(), size(b.tar())));
    }

    public static List<ImageBuilder.Built> buildAll(Path repoRoot, Path output, String tag) throws Exception {
        return build(repoRoot, output, tag, SERVICES);
    }

    /** Stages the runtime, then builds the given services' images into output, with images.properties beside them. */
    public static List<ImageBuilder.Built> build(Path repoRoot, Path output, String tag, List<Service> services) throws Exception {
        Path jdk = Path.of(System.getProperty("java.home"));
        Path root = Runtime.stage(jdk, output.resolve("runtime-root"));
        Properties index = new Properties();
        List<ImageBuilder.Built> built = new ArrayList<>();
        for (Service service : services) {
            Path app = repoRoot.resolve(service.name()).resolve("target/quarkus-app");
            if (!Files.isRegularFile(app.resolve("quarkus-run.jar"))) {
                throw new IllegalStateException(service.name() + " is not packaged: no " + app.resolve("quarkus-run.jar"));
            }
            ImageBuilder.Built image = ImageBuilder.build(
                    new ImageBuilder.Spec(service.name(), service.port(), app, service.reference(tag)),
                    root, output.resolve(service.name() + ".tar"), output.resolve("cache"));
            index.setProperty(service.name() + ".reference", service.reference(tag));
            index.setProperty(service.name() + ".digest", image.digest());
            index.setProperty(service.name() + ".image-id", image.imageId());
            index.setProperty(service.name() + ".tar-bytes", Long.toString(size(image.tar())));
            built.add(image);
        }
        try (Writer writer = Files.newBufferedWriter(output.resolve("images.properties"))) {
            index.store(writer, "built by dev.debrief.containers.BuildImages with " + jdk);
        }
        return built;
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
