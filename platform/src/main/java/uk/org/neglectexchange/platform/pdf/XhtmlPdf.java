package uk.org.neglectexchange.platform.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * Renders XHTML to PDF with openhtmltopdf (PDFBox), the one way the services make a PDF (a toolkit chart, a subject
 * access export). The font, DejaVu Sans (shipped here with its licence), is embedded so the PDF looks the same wherever
 * it is opened and prints names in any script. A service that renders declares openhtmltopdf-pdfbox itself (optional
 * here, so the others do not carry it).
 */
public final class XhtmlPdf {

    /** The font family to name in the XHTML's CSS. */
    public static final String FONT = "DejaVu Sans";

    private XhtmlPdf() {
    }

    /** @param what names what was rendered in the failure's message ("chart", "subject access export") */
    public static byte[] render(String xhtml, String what) {
        try (ByteArrayOutputStream pdf = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> font("DejaVuSans.ttf"), FONT, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> font("DejaVuSans-Bold.ttf"), FONT, 700, BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(pdf);
            builder.run();
            return pdf.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(what + " could not be rendered to PDF", e);
        }
    }

    private static InputStream font(String file) {
        return XhtmlPdf.class.getResourceAsStream("/fonts/" + file);
    }
}
