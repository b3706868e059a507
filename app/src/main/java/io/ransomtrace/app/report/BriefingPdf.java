package io.ransomtrace.app.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Renders the briefing's XHTML to PDF with openhtmltopdf (PDFBox). Only {@code data:} URIs are resolved: the
 * document can reach nothing outside itself. The font is the Liberation Sans that PDFBox ships, embedded, so the
 * PDF reads the same everywhere and draws non-Latin file names.
 */
public final class BriefingPdf {

    static final String FONT_RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    /**
     * PDFBox and openhtmltopdf report on java.util.logging that the base-14 fonts they preload are substituted
     * (we never use them) and that they index the system fonts: noise on the CLI's stderr. Held here so the
     * levels are not garbage-collected with the loggers.
     */
    private static final List<Logger> QUIET = List.of(Logger.getLogger("org.apache.pdfbox"),
            Logger.getLogger("org.apache.fontbox"), Logger.getLogger("com.openhtmltopdf"));

    static {
        for (Logger l : QUIET) {
            l.setLevel(Level.SEVERE);
        }
        // openhtmltopdf's own logger prints timings and CSS notes at INFO; failures still surface as exceptions.
        com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
    }

    private BriefingPdf() {
    }

    public static void write(String xhtml, OutputStream out) throws IOException {
        PdfRendererBuilder b = new PdfRendererBuilder();
        b.useFastMode();
        b.useUriResolver((base, uri) -> uri != null && uri.startsWith("data:") ? uri : null);
        if (BriefingPdf.class.getResource(FONT_RESOURCE) != null) {
            b.useFont(BriefingPdf::fontStream, "Liberation Sans");
        }
        b.withHtmlContent(xhtml, null);
        b.toStream(out);
        b.run();
    }

    static InputStream fontStream() {
        return BriefingPdf.class.getResourceAsStream(FONT_RESOURCE);
    }
}
