package org.pipelinecrm.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.pipelinecrm.shared.InvalidInputException;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * {@link InputRules} for query and form parameters (multipart fields included), before any controller runs: a NUL
 * character anywhere is a 400 naming the parameter, as the API's problem or the page's error.
 */
@Configuration(proxyBeanMethods = false)
class ParameterRules implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            boolean refused = InputRules.hasNul(parameter.getKey());
            for (String value : parameter.getValue()) {
                refused |= value != null && InputRules.hasNul(value);
            }
            if (refused) {
                String name = parameter.getKey().replace("\u0000", "");
                throw new InvalidInputException(
                        name, "problem.field.nul-character", "Parameter " + name + " contains a NUL character");
            }
        }
        return true;
    }
}
