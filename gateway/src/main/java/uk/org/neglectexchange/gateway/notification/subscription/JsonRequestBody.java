package uk.org.neglectexchange.gateway.notification.subscription;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import uk.org.neglectexchange.platform.problem.Problem;
import uk.org.neglectexchange.platform.problem.ProblemException;

/**
 * The gateway's own JSON request bodies read as strictly as the services read theirs (the platform's filters do it
 * there; the gateway leaves the platform's REST problem layer out): a body says it is JSON in UTF-8 (415 otherwise),
 * is UTF-8, and is one JSON value with no key given twice (400 otherwise), so nobody's parser reads it differently.
 */
final class JsonRequestBody {

    private JsonRequestBody() {
    }

    static JsonNode read(ObjectMapper json, String contentType, byte[] body) {
        if (contentType == null || contentType.isBlank()) {
            throw unsupported("The body has no Content-Type; send application/json");
        }
        MediaType type;
        try {
            type = MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            throw unsupported("The Content-Type cannot be parsed; send application/json");
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (!type.isCompatible(MediaType.APPLICATION_JSON_TYPE) || charset != null && !charset.equalsIgnoreCase("UTF-8")) {
            throw unsupported("The body must be application/json in UTF-8 (charset=UTF-8 or none)");
        }
        if (body == null || body.length == 0) {
            throw ProblemException.badRequest("body", "is required: a JSON object");
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw ProblemException.badRequest("body", "is not UTF-8");
        }
        ObjectReader strict = json.reader().with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        try {
            return strict.readTree(body);
        } catch (IOException e) {
            throw ProblemException.badRequest("body", "is not valid JSON, or gives a key twice");
        }
    }

    private static ProblemException unsupported(String detail) {
        return new ProblemException(415, "Unsupported Media Type", detail, List.<Problem.FieldError>of());
    }
}
