package dev.debrief.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.debrief.contracts.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Writes the merged document the gateway serves, from the services' build-time documents, so the build can
 * lint it and generate clients from it without starting anything:
 * {@code ContractFile <out.json> <auth-server-url> <version> question=<file> session=<file> scoring=<file>}.
 */
public final class ContractFile {

    private ContractFile() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 4) {
            throw new IllegalArgumentException("usage: ContractFile <out.json> <auth-server-url> <version> name=file...");
        }
        SortedMap<String, JsonNode> documents = new TreeMap<>();
        for (String arg : List.of(args).subList(3, args.length)) {
            String[] pair = arg.split("=", 2);
            documents.put(pair[0], Json.mapper().readTree(Path.of(pair[1]).toFile()));
        }
        JsonNode merged = OpenApiMerger.merge(documents, List.of(), args[1], args[2]);
        Path out = Path.of(args[0]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Json.mapper().writerWithDefaultPrettyPrinter().writeValue(out.toFile(), merged);
    }
}
