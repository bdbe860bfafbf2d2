package org.pipelinecrm.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

/** The README's configuration table and {@link CrmSettings} say the same: every setting, with its default. */
class ConfigurationTableTest {

    private static final Pattern ROW = Pattern.compile("^\\| (.+?) \\| (.+?) \\|", Pattern.MULTILINE);
    private static final Pattern NAME = Pattern.compile("`(CRM_[A-Z_]+)`");

    @Test
    void everySettingIsInTheReadmeWithItsDefaultAndNoOtherIs() throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        collect(CrmSettings.class, "CRM", settings);
        Map<String, String> rows = new LinkedHashMap<>();
        Matcher row = ROW.matcher(Files.readString(Path.of("README.md")));
        while (row.find()) {
            Matcher name = NAME.matcher(row.group(1));
            while (name.find()) {
                rows.put(name.group(1), row.group(2));
            }
        }
        assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(settings.keySet());
        settings.forEach((env, fallback) -> assertThat(rows.get(env)).as(env).contains("`" + fallback + "`"));
    }

    @Test
    void aWrongValueStopsTheStartNamingTheSetting() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
                .withUserConfiguration(Settings.class)
                .withPropertyValues("crm.signup.per-address-per-hour=0")
                .run(context -> assertThat(context.getStartupFailure())
                        .rootCause()
                        .hasMessageContaining("signup.perAddressPerHour"));
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
                .withUserConfiguration(Settings.class)
                .run(context -> assertThat(
                                context.getBean(CrmSettings.class).login().maxDelayPerAccount())
                        .hasMinutes(15));
    }

    @EnableConfigurationProperties(CrmSettings.class)
    static class Settings {}

    /** Leaf settings as environment names (crm.signup.per-address-per-hour: CRM_SIGNUP_PER_ADDRESS_PER_HOUR). */
    private static void collect(Class<?> type, String prefix, Map<String, String> into) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = java.util.Arrays.stream(components)
                .map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        java.lang.reflect.Parameter[] parameters;
        try {
            parameters = type.getDeclaredConstructor(types).getParameters();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            String env = prefix + "_"
                    + component.getName().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase();
            // @DefaultValue sits on the canonical constructor's parameters
            DefaultValue fallback = parameters[i].getAnnotation(DefaultValue.class);
            if (component.getType().isRecord()) {
                collect(component.getType(), env, into);
            } else {
                into.put(env, fallback == null ? "" : String.join(",", List.of(fallback.value())));
            }
        }
    }
}
