package org.pipelinecrm.shared.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/** {@link InputRules} for JSON bodies: a refused value fails reading with its path, so the answer names the field. */
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
            Instant.class);

    JsonInputRules() {
        super("pipeline-crm-input-rules");
        setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyDeserializer(
                    DeserializationConfig config,
                    BeanDescription.Supplier description,
                    ValueDeserializer<?> deserializer) {
                return CHECKED.contains(description.getBeanClass()) ? new Checked(deserializer) : deserializer;
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

        Checked(ValueDeserializer<?> delegatee) {
            super(delegatee);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegatee) {
            return new Checked(delegatee);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            Object value = super.deserialize(parser, context);
            String code = InputRules.refusal(value);
            if (code != null) {
                throw new RefusedValue(parser, code, value);
            }
            return value;
        }
    }
}
