package org.pipelinecrm.shared.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Set;
import org.pipelinecrm.shared.Digits;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * {@link InputRules} for JSON bodies: a refused value fails reading with its path, so the answer names the field. A
 * number or date sent as a string of Persian or Arabic-Indic digits ({@code "۱۲٬۵۰۰"}) is read as the number it is.
 */
@Component
class JsonInputRules extends SimpleModule {

    private static final Set<Class<?>> CHECKED = Set.of(
            String.class,
            BigDecimal.class,
            Double.class,
            double.class,
            LocalDate.class,
            LocalDateTime.class,
            OffsetDateTime.class,
            Instant.class,
            Integer.class,
            int.class,
            Long.class,
            long.class,
            Short.class,
            short.class);

    JsonInputRules() {
        super("pipeline-crm-input-rules");
        setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyDeserializer(
                    DeserializationConfig config,
                    BeanDescription.Supplier description,
                    ValueDeserializer<?> deserializer) {
                return CHECKED.contains(description.getBeanClass())
                        ? new Checked(deserializer, description.getBeanClass())
                        : deserializer;
            }
        });
    }

    /** A value the rules refuse; {@code code} is the field problem's code. */
    static final class RefusedValue extends InvalidFormatException {

        private final String code;

        RefusedValue(JsonParser parser, String code, Object value) {
            super(parser, "refused: " + code, value, value.getClass());
            this.code = code;
        }

        String code() {
            return code;
        }
    }

    private static final class Checked extends DelegatingDeserializer {

        private final Class<?> type;

        Checked(ValueDeserializer<?> delegatee, Class<?> type) {
            super(delegatee);
            this.type = type;
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegatee) {
            return new Checked(delegatee, type);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            Object value = eastern(parser) ? fromDigits(parser) : super.deserialize(parser, context);
            String code = InputRules.refusal(value);
            if (code != null) {
                throw new RefusedValue(parser, code, value);
            }
            return value;
        }

        private boolean eastern(JsonParser parser) {
            return type != String.class
                    && parser.hasToken(JsonToken.VALUE_STRING)
                    && Digits.hasEastern(parser.getString());
        }

        private Object fromDigits(JsonParser parser) throws JacksonException {
            String text = parser.getString();
            Class<?> boxed = type.isPrimitive() ? ClassUtils.resolvePrimitiveIfNecessary(type) : type;
            var parse = DigitInput.PARSERS.get(boxed);
            try {
                if (parse != null) {
                    return parse.apply(text);
                }
            } catch (RuntimeException notANumber) {
                // told below as a value of the wrong kind
            }
            throw InvalidFormatException.from(parser, "not a " + boxed.getSimpleName(), text, type);
        }
    }
}
