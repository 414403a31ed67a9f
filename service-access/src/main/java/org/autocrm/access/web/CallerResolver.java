package org.autocrm.access.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.autocrm.access.AccessTokenVerifier;
import org.autocrm.access.Caller;
import org.autocrm.access.InvalidAccessToken;
import org.autocrm.access.Role;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * The one place that decides who is calling a service; controllers receive the {@link Caller} as a
 * parameter.
 *
 * <p>A request proves its caller with an access token the gateway signed
 * ({@code Authorization: Bearer ...}, checked by {@link AccessTokenVerifier}). Only when
 * {@code autocrm.identity.accept-dev-headers} is on (tests of one service alone) may a request
 * without a token name its caller with the headers {@value #TENANT_HEADER} (default {@code demo}),
 * {@value #USER_HEADER} (default {@code demo-agent}), {@value #ROLE_HEADER} (default {@code agent})
 * and {@value #GROUPS_HEADER} (comma-separated group ids). The caller is worked out once per request
 * and kept on it.
 */
public final class CallerResolver implements HandlerMethodArgumentResolver {

    public static final String TENANT_HEADER = "X-AutoCRM-Tenant";
    public static final String USER_HEADER = "X-AutoCRM-User";
    public static final String ROLE_HEADER = "X-AutoCRM-Role";
    public static final String GROUPS_HEADER = "X-AutoCRM-Groups";

    private static final String ATTRIBUTE = Caller.class.getName();
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");
    private static final String ID_RULE = "must be 1-100 letters, digits, '.', '_', '@' or '-'";

    private final AccessTokenVerifier tokens;
    private final boolean acceptDevHeaders;

    public CallerResolver(AccessTokenVerifier tokens, boolean acceptDevHeaders) {
        this.tokens = tokens;
        this.acceptDevHeaders = acceptDevHeaders;
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

    /** The caller of this request; refuses with {@link InvalidAccessToken} when it is not proven. */
    public Caller resolve(HttpServletRequest request) {
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
            return tokens.verifyAuthorization(authorization);
        }
        String tenant = id(request, TENANT_HEADER, "demo");
        String user = id(request, USER_HEADER, "demo-agent");
        Role role = Role.of(headerOr(request, ROLE_HEADER, "agent"))
                .orElseThrow(() -> new InvalidDevHeader(ROLE_HEADER, "must be one of " + Role.allValues()));
        return new Caller(tenant, user, role, groups(headerOr(request, GROUPS_HEADER, "")), Set.of());
    }

    private static Set<String> groups(String header) {
        Set<String> groups = Arrays.stream(header.split(",")).map(String::trim).filter(g -> !g.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (!groups.stream().allMatch(group -> ID.matcher(group).matches())) {
            throw new InvalidDevHeader(GROUPS_HEADER, "each group id " + ID_RULE);
        }
        return groups;
    }

    private static String id(HttpServletRequest request, String header, String fallback) {
        String value = headerOr(request, header, fallback);
        if (!ID.matcher(value).matches()) {
            throw new InvalidDevHeader(header, ID_RULE);
        }
        return value;
    }

    private static String headerOr(HttpServletRequest request, String name, String fallback) {
        String value = request.getHeader(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
