package org.pipelinecrm.shared.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.pipelinecrm.shared.Digits;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.ConditionalGenericConverter;
import org.springframework.format.FormatterRegistry;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.NumberFormat;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Form and query parameters that are numbers or dates read Persian and Arabic-Indic digits, Persian separators
 * ({@code ۱۲٬۵۰۰٫۵}) and grouping, as typed on a Persian keyboard. Only parameters bound to a number or a date pass
 * here, so free text keeps its digits as written. A field with its own {@code @NumberFormat} or a
 * {@code @DateTimeFormat} pattern keeps its own parser.
 */
@Configuration(proxyBeanMethods = false)
class DigitInput implements WebMvcConfigurer {

    static final Map<Class<?>, Function<String, Object>> PARSERS = Map.ofEntries(
            Map.entry(BigDecimal.class, text -> Digits.number(text)),
            Map.entry(BigInteger.class, text -> Digits.number(text).toBigIntegerExact()),
            Map.entry(Long.class, text -> Digits.number(text).longValueExact()),
            Map.entry(Integer.class, text -> Digits.number(text).intValueExact()),
            Map.entry(Short.class, text -> Digits.number(text).shortValueExact()),
            Map.entry(Double.class, text -> Digits.number(text).doubleValue()),
            Map.entry(Float.class, text -> Digits.number(text).floatValue()),
            Map.entry(LocalDate.class, text -> LocalDate.parse(Digits.latin(text.trim()))));

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(new Eastern());
    }

    private static final class Eastern implements ConditionalGenericConverter {

        @Override
        public Set<ConvertiblePair> getConvertibleTypes() {
            return Set.of(
                    new ConvertiblePair(String.class, BigDecimal.class),
                    new ConvertiblePair(String.class, BigInteger.class),
                    new ConvertiblePair(String.class, Long.class),
                    new ConvertiblePair(String.class, Integer.class),
                    new ConvertiblePair(String.class, Short.class),
                    new ConvertiblePair(String.class, Double.class),
                    new ConvertiblePair(String.class, Float.class),
                    new ConvertiblePair(String.class, LocalDate.class));
        }

        @Override
        public boolean matches(TypeDescriptor sourceType, TypeDescriptor targetType) {
            if (targetType.hasAnnotation(NumberFormat.class)) {
                return false;
            }
            DateTimeFormat format = targetType.getAnnotation(DateTimeFormat.class);
            return format == null || (format.pattern().isEmpty() && format.iso() == DateTimeFormat.ISO.DATE);
        }

        @Override
        public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
            String text = (String) source;
            if (text == null || text.isBlank()) {
                return null;
            }
            return PARSERS.get(targetType.getObjectType()).apply(text);
        }
    }
}
