package org.autocrm.query.tenancy;

import java.util.List;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The one place that decides which tenant a read is for. Until the gateway issues signed tokens
 * it is the {@value #TENANT_HEADER} header (default {@code demo}); JWT validation replaces this
 * class only.
 */
@Configuration
class CallerTenantResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    static final String TENANT_HEADER = "X-AutoCRM-Tenant";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(CallerTenant.class);
    }

    @Override
    public CallerTenant resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                        NativeWebRequest request, WebDataBinderFactory binderFactory) {
        String tenant = request.getHeader(TENANT_HEADER);
        if (tenant == null || tenant.isBlank()) {
            return new CallerTenant("demo");
        }
        if (!ID.matcher(tenant.trim()).matches()) {
            throw new IllegalArgumentException(TENANT_HEADER + " must be 1-100 letters, digits, '.', '_', '@' or '-'");
        }
        return new CallerTenant(tenant.trim());
    }
}
