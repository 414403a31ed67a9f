package org.autocrm.access.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.autocrm.access.AccessTokenVerifier;
import org.autocrm.access.Caller;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * What a servlet service gets by depending on this module and setting {@code autocrm.identity.*}:
 * every request to {@code /api/**} proves its caller before any controller runs, an API key must
 * hold the scope its service's {@link ApiKeyScopes} bean names for the endpoint, controllers take a
 * {@link Caller} parameter, and refusals are 401/403/503 problem responses ({@link AccessProblems}).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(IdentityProperties.class)
public class ServiceAccessAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AccessTokenVerifier accessTokenVerifier(IdentityProperties properties) {
        return AccessTokenVerifier.create(properties.issuer(), properties.audience(), properties.jwksUri(),
                properties.jwks());
    }

    @Bean
    @ConditionalOnMissingBean
    CallerResolver callerResolver(AccessTokenVerifier verifier, IdentityProperties properties) {
        return new CallerResolver(verifier, properties.acceptDevHeaders());
    }

    @Bean
    AccessProblems accessProblems() {
        return new AccessProblems();
    }

    @Bean
    WebMvcConfigurer callerCheckedOnEveryApiRequest(CallerResolver resolver, ObjectProvider<ApiKeyScopes> scopes) {
        ApiKeyScopes apiKeyScopes = scopes.getIfAvailable(ApiKeyScopes::none);
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(resolver);
            }

            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public boolean preHandle(HttpServletRequest request, HttpServletResponse response,
                                             Object handler) {
                        apiKeyScopes.check(resolver.resolve(request), HttpMethod.valueOf(request.getMethod()),
                                request.getRequestURI());
                        return true;
                    }
                }).addPathPatterns("/api/**");
            }
        };
    }

    /** The caller comes from the token (or headers), never from query parameters: keep it out of API documents. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springdoc.core.utils.SpringDocUtils")
    static class CallerOutOfApiDocuments {
        static {
            org.springdoc.core.utils.SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
        }
    }
}
