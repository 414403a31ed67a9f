package org.autocrm.ticket.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.autocrm.access.AccessTokenVerifier;
import org.autocrm.access.InvalidAccessToken;
import org.autocrm.access.Role;
import org.autocrm.access.VerifiedToken;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * The one place that decides who is calling.
 *
 * <p>A request proves its caller with an access token the gateway signed
 * ({@code Authorization: Bearer ...}, checked by {@link AccessTokenVerifier}). Only when
 * {@code autocrm.identity.accept-dev-headers} is on (tests of this service alone) may a request
 * without a token name its caller with the headers {@value #TENANT_HEADER}, {@value #USER_HEADER},
 * {@value #ROLE_HEADER} and {@value #GROUPS_HEADER} (defaulting to an agent of the demo tenant).
 * The caller is worked out once per request and kept on it.
 */
public class RequestingUserResolver implements HandlerMethodArgumentResolver {

    public static final String TENANT_HEADER = "X-AutoCRM-Tenant";
    public static final String USER_HEADER = "X-AutoCRM-User";
    public static final String ROLE_HEADER = "X-AutoCRM-Role";
    public static final String GROUPS_HEADER = "X-AutoCRM-Groups";

    private static final String ATTRIBUTE = RequestingUser.class.getName();
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");
    private static final String ID_RULE = "must be 1-100 letters, digits, '.', '_', '@' or '-'";

    private final AccessTokenVerifier tokens;
    private final boolean acceptDevHeaders;

    public RequestingUserResolver(AccessTokenVerifier tokens, boolean acceptDevHeaders) {
        this.tokens = tokens;
        this.acceptDevHeaders = acceptDevHeaders;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(RequestingUser.class);
    }

    @Override
    public RequestingUser resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                          NativeWebRequest request, WebDataBinderFactory binderFactory) {
        return resolve(request.getNativeRequest(HttpServletRequest.class));
    }

    /** The caller of this request; refuses with {@link InvalidAccessToken} when it is not proven. */
    RequestingUser resolve(HttpServletRequest request) {
        Object known = request.getAttribute(ATTRIBUTE);
        if (known instanceof RequestingUser caller) {
            return caller;
        }
        RequestingUser caller = identify(request);
        request.setAttribute(ATTRIBUTE, caller);
        return caller;
    }

    private RequestingUser identify(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        // a token decides whenever there is one; without one, only dev headers (if on) stand in, else it is missing
        if (authorization != null || !acceptDevHeaders) {
            return caller(tokens.verifyAuthorization(authorization));
        }
        String tenant = headerOr(request, TENANT_HEADER, "demo");
        String user = headerOr(request, USER_HEADER, "demo-agent");
        String role = headerOr(request, ROLE_HEADER, "agent");
        if (!ID.matcher(tenant).matches()) {
            throw new InvalidCaller(TENANT_HEADER, ID_RULE);
        }
        if (!ID.matcher(user).matches()) {
            throw new InvalidCaller(USER_HEADER, ID_RULE);
        }
        if (Role.of(role).isEmpty()) {
            throw new InvalidCaller(ROLE_HEADER, "must be one of " + Role.allValues());
        }
        return new RequestingUser(tenant, user, role, groups(headerOr(request, GROUPS_HEADER, "")), Set.of());
    }

    /** Roles are strings here, as the ticket's rules and events name them. */
    private static RequestingUser caller(VerifiedToken token) {
        return new RequestingUser(token.tenant(), token.subject(), token.role().value(), token.groups(),
                token.scopes());
    }

    private static Set<String> groups(String header) {
        Set<String> groups = Arrays.stream(header.split(",")).map(String::trim).filter(g -> !g.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (!groups.stream().allMatch(group -> ID.matcher(group).matches())) {
            throw new InvalidCaller(GROUPS_HEADER, "each group id " + ID_RULE);
        }
        return groups;
    }

    private static String headerOr(HttpServletRequest request, String name, String fallback) {
        String value = request.getHeader(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    /** The caller named by the development headers is malformed. */
    public static class InvalidCaller extends RuntimeException {
        private final String header;

        InvalidCaller(String header, String problem) {
            super(header + " " + problem);
            this.header = header;
        }

        public String header() {
            return header;
        }
    }
}
