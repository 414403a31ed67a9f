package org.autocrm.query.tenancy;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.autocrm.access.AccessTokenVerifier;
import org.autocrm.access.Role;
import org.autocrm.access.VerifiedToken;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The one place that decides who a read is for. Every request to {@code /api/**} proves its caller
 * with an access token the gateway signed ({@code Authorization: Bearer ...}, checked by
 * {@link AccessTokenVerifier}) before any controller runs, and an API key must hold the scope of what it
 * reads ({@link ApiKeyScopes}). Only when {@code autocrm.identity.accept-dev-headers} is on (tests of
 * this service alone) may a request without a token name its caller with the headers
 * {@value #TENANT_HEADER} (default {@code demo}), {@value #USER_HEADER} (default
 * {@code demo-agent}), {@value #ROLE_HEADER} (default {@code agent}) and {@value #GROUPS_HEADER}
 * (comma-separated group ids).
 */
@Configuration
class CallerResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    static {
        // the caller comes from the token (or headers), never from query parameters: keep it out of the API document
        org.springdoc.core.utils.SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    static final String TENANT_HEADER = "X-AutoCRM-Tenant";
    static final String USER_HEADER = "X-AutoCRM-User";
    static final String ROLE_HEADER = "X-AutoCRM-Role";
    static final String GROUPS_HEADER = "X-AutoCRM-Groups";
    private static final String ATTRIBUTE = Caller.class.getName();
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");
    private static final String ID_RULE = " must be 1-100 letters, digits, '.', '_', '@' or '-'";

    private final AccessTokenVerifier tokens;
    private final boolean acceptDevHeaders;

    CallerResolver(IdentityProperties properties) {
        this.tokens = AccessTokenVerifier.create(properties.issuer(), properties.audience(), properties.jwksUri(),
                properties.jwks());
        this.acceptDevHeaders = properties.acceptDevHeaders();
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                Caller caller = resolve(request);
                if (caller.role() == Caller.Role.API_KEY) {
                    ApiKeyScopes.check(caller, HttpMethod.valueOf(request.getMethod()), request.getRequestURI());
                }
                return true;
            }
        }).addPathPatterns("/api/**");
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(Caller.class);
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest request, WebDataBinderFactory binderFactory) {
        return resolve(request.getNativeRequest(HttpServletRequest.class));
    }

    /** The caller of this request, worked out once and kept on it. */
    Caller resolve(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof Caller known) {
            return known;
        }
        Caller caller = identify(request);
        request.setAttribute(ATTRIBUTE, caller);
        return caller;
    }

    private Caller identify(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        // a token decides whenever there is one; without one, only dev headers (if on) stand in, else it is missing
        if (authorization != null || !acceptDevHeaders) {
            VerifiedToken token = tokens.verifyAuthorization(authorization);
            return new Caller(token.tenant(), token.subject(), role(token.role()), token.groups(), token.scopes());
        }
        String tenant = id(request, TENANT_HEADER, "demo");
        String user = id(request, USER_HEADER, "demo-agent");
        Role role = Role.of(headerOr(request, ROLE_HEADER, "agent"))
                .orElseThrow(() -> new IllegalArgumentException(ROLE_HEADER + " must be one of " + Role.allValues()));
        return new Caller(tenant, user, role(role), groups(headerOr(request, GROUPS_HEADER, "")), Set.of());
    }

    private static Caller.Role role(Role role) {
        return switch (role) {
            case ADMIN -> Caller.Role.ADMIN;
            case TEAM_LEAD -> Caller.Role.TEAM_LEAD;
            case AGENT -> Caller.Role.AGENT;
            case CUSTOMER -> Caller.Role.CUSTOMER;
            case API_KEY -> Caller.Role.API_KEY;
        };
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

    private static String id(HttpServletRequest request, String header, String fallback) {
        String value = headerOr(request, header, fallback);
        if (!ID.matcher(value).matches()) {
            throw new IllegalArgumentException(header + ID_RULE);
        }
        return value;
    }

    private static String headerOr(HttpServletRequest request, String header, String fallback) {
        String value = request.getHeader(header);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
