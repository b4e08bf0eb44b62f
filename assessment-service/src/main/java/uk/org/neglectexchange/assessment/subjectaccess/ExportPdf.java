package uk.org.neglectexchange.assessment.subjectaccess;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import uk.org.neglectexchange.platform.pdf.XhtmlPdf;

/**
 * The export as a PDF: the JSON document itself, section by section, rendered by platform {@link XhtmlPdf} as
 * toolkit-content-service's charts are, so the PDF cannot say more or less than the JSON.
 */
final class ExportPdf {

    private static final String STYLE = "@page { size: A4; margin: 16mm; }"
            + " body { font-family: '" + XhtmlPdf.FONT + "'; font-size: 9pt; }"
            + " h1 { font-size: 16pt; } h2 { font-size: 12pt; margin-top: 14pt; border-bottom: 1px solid #444; }"
            + " table { width: 100%; border-collapse: collapse; table-layout: fixed; margin-bottom: 6pt; }"
            + " th, td { border: 1px solid #bbb; padding: 2pt 4pt; text-align: left; vertical-align: top;"
            + " word-wrap: break-word; } th { width: 30%; background: #eee; font-weight: normal; }";

    private ExportPdf() {
    }

    static byte[] render(JsonNode export) {
        StringBuilder html = new StringBuilder("<html><head><title>Subject access export</title><style>").append(STYLE)
                .append("</style></head><body><h1>Subject access export</h1><table>");
        row(html, "Child", export.path("childRef").asText());
        row(html, "Exported at", export.path("exportedAt").asText());
        html.append("</table>");
        for (Iterator<Map.Entry<String, JsonNode>> fields = export.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isContainerNode()) {
                html.append("<h2>").append(escape(heading(field.getKey()))).append("</h2>");
                value(html, field.getValue());
            }
        }
        return XhtmlPdf.render(html.append("</body></html>").toString(), "subject access export");
    }

    /** Objects as two-column tables, lists as one table per item, nested values in place. */
    private static void value(StringBuilder html, JsonNode node) {
        if (node.isArray()) {
            if (node.isEmpty()) {
                html.append("<p>None held.</p>");
            } else if (!node.get(0).isContainerNode()) {
                html.append("<p>");
                node.forEach(item -> html.append(escape(item.asText())).append("<br/>"));
                html.append("</p>");
            } else {
                node.forEach(item -> value(html, item));
            }
        } else if (node.isObject()) {
            html.append("<table>");
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isNull()) {
                    continue;
                }
                html.append("<tr><th>").append(escape(heading(field.getKey()))).append("</th><td>");
                if (field.getValue().isContainerNode()) {
                    value(html, field.getValue());
                } else {
                    html.append(escape(field.getValue().asText()));
                }
                html.append("</td></tr>");
            }
            html.append("</table>");
        } else if (!node.isNull()) {
            html.append("<p>").append(escape(node.asText())).append("</p>");
        }
    }

    private static void row(StringBuilder html, String label, String text) {
        html.append("<tr><th>").append(escape(label)).append("</th><td>").append(escape(text)).append("</td></tr>");
    }

    /** "sharingRecords" → "Sharing records". */
    static String heading(String key) {
        String words = key.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase();
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** XHTML-safe text: markup escaped, characters XML cannot carry dropped. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF)) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
