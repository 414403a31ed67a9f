package org.autocrm.ticket.identity;

import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * The one place that decides who is calling.
 *
 * <p>A request proves its caller with a signed access token ({@code Authorization: Bearer ...},
 * see {@link AccessTokens}). Until the gateway issues tokens to signed-in users, a request
 * without a token may name its caller with the headers {@value #TENANT_HEADER},
 * {@value #USER_HEADER} and {@value #ROLE_HEADER} (defaulting to the demo tenant) when
 * {@code autocrm.identity.accept-dev-headers} is on; switched off, such a request is refused.
 */
public class RequestingUserResolver implements HandlerMethodArgumentResolver {

    private final AccessTokens tokens;
    private final boolean acceptDevHeaders;

    public RequestingUserResolver(AccessTokens tokens, boolean acceptDevHeaders) {
        this.tokens = tokens;
        this.acceptDevHeaders = acceptDevHeaders;
    }

    public static final String TENANT_HEADER = "X-AutoCRM-Tenant";
    public static final String USER_HEADER = "X-AutoCRM-User";
    public static final String ROLE_HEADER = "X-AutoCRM-Role";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");
    private static final Set<String> ROLES = Set.of("admin", "team_lead", "agent", "customer", "api_key");

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(RequestingUser.class);
    }

    @Override
    public RequestingUser resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                          NativeWebRequest request, WebDataBinderFactory binderFactory) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw new AccessTokens.InvalidToken("the Authorization header must be 'Bearer <access token>'");
            }
            return tokens.verify(authorization.substring(7).strip());
        }
        if (!acceptDevHeaders) {
            throw new AccessTokens.InvalidToken("sign in: this request needs an access token");
        }
        String tenant = headerOr(request, TENANT_HEADER, "demo");
        String user = headerOr(request, USER_HEADER, "demo-agent");
        String role = headerOr(request, ROLE_HEADER, "agent");
        if (!ID.matcher(tenant).matches()) {
            throw new InvalidCaller(TENANT_HEADER, "must be 1-100 letters, digits, '.', '_', '@' or '-'");
        }
        if (!ID.matcher(user).matches()) {
            throw new InvalidCaller(USER_HEADER, "must be 1-100 letters, digits, '.', '_', '@' or '-'");
        }
        if (!ROLES.contains(role)) {
            throw new InvalidCaller(ROLE_HEADER, "must be one of " + ROLES);
        }
        return new RequestingUser(tenant, user, role);
    }

    private static String headerOr(NativeWebRequest request, String name, String fallback) {
        String value = request.getHeader(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    /** The caller could not be identified from the request. */
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
