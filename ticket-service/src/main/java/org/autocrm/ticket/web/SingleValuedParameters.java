package org.autocrm.ticket.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collection;
import java.util.Map;
import org.autocrm.ticket.refusal.Refused;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A parameter an operation takes once ({@code includeArchived}, {@code asOf}, {@code messageId} ...) given more
 * than once is a 400 naming it, instead of Spring quietly using the first value or joining them with commas.
 * Parameters that take several values (lists, arrays, maps) are left alone.
 */
@Configuration(proxyBeanMethods = false)
class SingleValuedParameters implements WebMvcConfigurer, HandlerInterceptor {

    private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        for (MethodParameter parameter : method.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param == null || takesSeveral(parameter.getParameterType())) {
                continue;
            }
            String name = !param.name().isEmpty() ? param.name() : nameOf(parameter);
            String[] values = name == null ? null : request.getParameterValues(name);
            if (values != null && values.length > 1) {
                throw Refused.invalidField(name, "must be given once, not " + values.length + " times");
            }
        }
        return true;
    }

    private static String nameOf(MethodParameter parameter) {
        MethodParameter named = new MethodParameter(parameter);
        named.initParameterNameDiscovery(NAMES);
        return named.getParameterName();
    }

    private static boolean takesSeveral(Class<?> type) {
        return type.isArray() || Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)
                || type.getName().startsWith("org.springframework.web.multipart.");
    }
}
