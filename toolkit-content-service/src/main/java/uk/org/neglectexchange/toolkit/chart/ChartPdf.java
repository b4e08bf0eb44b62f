package uk.org.neglectexchange.toolkit.chart;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * Renders a chart's print HTML to PDF with openhtmltopdf (PDFBox), so the PDF and the printed page match. The font
 * (DejaVu Sans, shipped with its licence) is embedded: the PDF looks the same wherever it is opened or printed.
 */
public final class ChartPdf {

    public static final String FONT = "DejaVu Sans";

    private ChartPdf() {
    }

    private static InputStream font(String file) {
        return ChartPdf.class.getResourceAsStream("/fonts/" + file);
    }

    public static byte[] render(String xhtml) {
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
            throw new IllegalStateException("chart could not be rendered to PDF", e);
        }
    }
}
