package org.autocrm.gateway.edge;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ResilienceProperties.class, RateLimitProperties.class, RequestSizeProperties.class,
        CorsProperties.class, SecurityHeadersProperties.class, BulkheadProperties.class})
class EdgeConfiguration {
}
