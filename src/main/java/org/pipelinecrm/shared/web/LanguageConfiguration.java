package org.pipelinecrm.shared.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/** English and Persian. Each module keeps its texts in {@code i18n/<module>.properties} (+ {@code _fa}). */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration {

    static final Locale PERSIAN = Locale.forLanguageTag("fa");

    @Bean
    MessageSource messageSource() throws IOException {
        var bundles = new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties");
        String[] basenames = Arrays.stream(bundles)
                .map(r -> r.getFilename().replaceFirst("(_[a-z]{2})?\\.properties$", ""))
                .distinct()
                .sorted()
                .map(name -> "classpath:i18n/" + name)
                .toArray(String[]::new);
        var messages = new ReloadableResourceBundleMessageSource();
        messages.setBasenames(basenames);
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setCacheMillis(-1);
        return messages;
    }

    @Bean
    LocaleResolver localeResolver() {
        var resolver = new CookieLocaleResolver("crm-lang");
        // without a chosen language: Persian when the request asks for it (API clients), else English
        resolver.setDefaultLocaleFunction(request -> request.getHeader("Accept-Language") != null
                        && PERSIAN.getLanguage().equals(request.getLocale().getLanguage())
                ? PERSIAN
                : Locale.ENGLISH);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    static boolean isRightToLeft(Locale locale) {
        return "fa".equals(locale.getLanguage());
    }
}
