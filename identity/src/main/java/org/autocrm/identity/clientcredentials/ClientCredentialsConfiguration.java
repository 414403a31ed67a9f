package org.autocrm.identity.clientcredentials;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AutomationClientProperties.class)
class ClientCredentialsConfiguration {
}
