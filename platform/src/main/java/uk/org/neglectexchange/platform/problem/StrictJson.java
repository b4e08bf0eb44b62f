package uk.org.neglectexchange.platform.problem;

import java.io.IOException;
import java.time.LocalDate;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * A body means exactly what it says or is refused (400 naming the field): no scalar is turned into another type
 * (123 or true is not a string, 1.5 is not an integer, "1" is not a number), a date is a date and not an instant,
 * nothing may follow the document, the bytes must be UTF-8 ({@link Utf8Only}), no string may hold a NUL
 * (PostgreSQL cannot store it) or half of a surrogate pair (it would be stored as "?"), and a date lies in the years
 * 1900–2100 (a year like -999999999 made a 500, or was stored).
 */
@IfBuildProperty(name = ProblemMappers.ENABLED, stringValue = "true", enableIfMissing = true)
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    @SuppressWarnings("deprecation") // the JsonFactory is the mapper's own; no builder in reach here
    public void customize(ObjectMapper mapper) {
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.configOverride(LocalDate.class).setFormat(JsonFormat.Value.forLeniency(false));
        mapper.registerModule(new SimpleModule("strict-values").addDeserializer(String.class, new SafeText())
                .setDeserializerModifier(new BeanDeserializerModifier() {
                    @Override
                    public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription type,
                            JsonDeserializer<?> deserializer) {
                        return type.getBeanClass() == LocalDate.class ? new BoundedDate(deserializer) : deserializer;
                    }
                }));
        mapper.getFactory().setInputDecorator(new Utf8Only());
    }

    /** A value of the right type that the API still refuses; the field is named from the exception's path. */
    public static final class Refused extends MismatchedInputException {

        private final String rule;

        Refused(JsonParser parser, Class<?> type, String rule) {
            super(parser, rule, type);
            this.rule = rule;
        }

        /** What the value must be, for the problem's errors; never the value. */
        public String rule() {
            return rule;
        }
    }

    static final class BoundedDate extends DelegatingDeserializer {

        BoundedDate(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new BoundedDate(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Object value = super.deserialize(parser, context);
            if (value instanceof LocalDate date && !DateBounds.within(date)) {
                throw new Refused(parser, LocalDate.class, DateBounds.RULE);
            }
            return value;
        }
    }

    static final class SafeText extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            if (text != null && !safe(text)) {
                throw new Refused(parser, String.class, "must not contain a NUL character or an unpaired surrogate");
            }
            return text;
        }

        static boolean safe(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\u0000' || Character.isLowSurrogate(c)) {
                    return false;
                }
                if (Character.isHighSurrogate(c)) {
                    if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                        return false;
                    }
                    i++;
                }
            }
            return true;
        }
    }
}
