package io.ransomtrace.app.analysis;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/** Writes and reads {@link ScanJson.Document}s. */
public final class ScanJsonWriter {

    /**
     * Strings from logs may hold terminal escapes or bidi overrides: written as {@code \\u001b}/{@code \\u202e}
     * escapes, the JSON stays exact for programs and inert when a human cats it.
     */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature())
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private ScanJsonWriter() {
    }

    /** Writes the document; every non-ASCII character is written as a {@code \\uXXXX} escape (see {@link #MAPPER}). */
    public static void write(ScanJson.Document doc, OutputStream out) throws IOException {
        MAPPER.writeValue(out, doc);
    }

    public static String toJson(ScanJson.Document doc) throws IOException {
        return MAPPER.writeValueAsString(doc);
    }

    public static ScanJson.Document read(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), ScanJson.Document.class);
    }
}
