package org.autocrm.ticket.identity;

import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
class IdentityConfiguration implements WebMvcConfigurer {

    private final IdentityProperties properties;

    IdentityConfiguration(IdentityProperties properties) {
        this.properties = properties;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new RequestingUserResolver(new AccessTokens(properties, Clock.systemUTC()),
                properties.acceptDevHeaders()));
    }
}
