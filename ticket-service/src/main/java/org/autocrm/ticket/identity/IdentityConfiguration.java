package org.autocrm.ticket.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.autocrm.access.AccessTokenVerifier;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every request to the API must prove its caller before any controller runs, and an API key must
 * hold the scope of the endpoint it calls; controllers then receive the {@link RequestingUser}.
 */
@Configuration
class IdentityConfiguration implements WebMvcConfigurer {

    private final RequestingUserResolver resolver;

    IdentityConfiguration(IdentityProperties properties) {
        this.resolver = new RequestingUserResolver(AccessTokenVerifier.create(properties.issuer(), properties.audience(),
                properties.jwksUri(), properties.jwks()), properties.acceptDevHeaders());
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(resolver);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                RequestingUser caller = resolver.resolve(request);
                if (caller.isApiKey()) {
                    ApiKeyScopes.check(caller, HttpMethod.valueOf(request.getMethod()), request.getRequestURI());
                }
                return true;
            }
        }).addPathPatterns("/api/**");
    }
}
