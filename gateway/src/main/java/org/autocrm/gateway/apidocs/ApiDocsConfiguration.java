package org.autocrm.gateway.apidocs;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ApiDocsProperties.class, ServiceAddresses.class})
class ApiDocsConfiguration {
}
