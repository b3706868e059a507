package io.ransomtrace.app.analysis;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes and reads {@link ScanJson.Document}s. */
public final class ScanJsonWriter {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private ScanJsonWriter() {
    }

    public static void write(ScanJson.Document doc, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            MAPPER.writeValue(out, doc);
        }
    }

    public static String toJson(ScanJson.Document doc) throws IOException {
        return MAPPER.writeValueAsString(doc);
    }

    public static ScanJson.Document read(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), ScanJson.Document.class);
    }
}
