package org.autocrm.query.tenancy;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The one place that decides who a read is for. Until the gateway issues signed tokens it is the
 * development stand-in ticket-service also accepts: the headers {@value #TENANT_HEADER} (default
 * {@code demo}), {@value #USER_HEADER} (default {@code demo-agent}), {@value #ROLE_HEADER}
 * ({@code admin}, {@code team_lead}, {@code agent} (default), {@code customer}) and
 * {@value #GROUPS_HEADER} (comma-separated group ids). Token validation replaces this class only.
 */
@Configuration
class CallerResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    static {
        // the caller comes from headers (later a token), never from query parameters: keep it out of the API document
        org.springdoc.core.utils.SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    static final String TENANT_HEADER = "X-AutoCRM-Tenant";
    static final String USER_HEADER = "X-AutoCRM-User";
    static final String ROLE_HEADER = "X-AutoCRM-Role";
    static final String GROUPS_HEADER = "X-AutoCRM-Groups";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");
    private static final String ID_RULE = " must be 1-100 letters, digits, '.', '_', '@' or '-'";

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(Caller.class);
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest request, WebDataBinderFactory binderFactory) {
        String tenant = id(request, TENANT_HEADER, "demo");
        String user = id(request, USER_HEADER, "demo-agent");
        String role = headerOr(request, ROLE_HEADER, "agent");
        Caller.Role parsedRole = Arrays.stream(Caller.Role.values())
                .filter(r -> r.value().equals(role))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(ROLE_HEADER + " must be one of "
                        + Arrays.stream(Caller.Role.values()).map(Caller.Role::value).toList()));
        return new Caller(tenant, user, parsedRole, groups(headerOr(request, GROUPS_HEADER, "")));
    }

    private static Set<String> groups(String header) {
        Set<String> groups = Arrays.stream(header.split(","))
                .map(String::trim)
                .filter(group -> !group.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        groups.forEach(group -> {
            if (!ID.matcher(group).matches()) {
                throw new IllegalArgumentException(GROUPS_HEADER + ": each group id" + ID_RULE);
            }
        });
        return groups;
    }

    private static String id(NativeWebRequest request, String header, String fallback) {
        String value = headerOr(request, header, fallback);
        if (!ID.matcher(value).matches()) {
            throw new IllegalArgumentException(header + ID_RULE);
        }
        return value;
    }

    private static String headerOr(NativeWebRequest request, String header, String fallback) {
        String value = request.getHeader(header);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
