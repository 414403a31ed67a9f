package org.autocrm.identity.singlesignon;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the OpenID Connect relying party ({@code sso/}) into sign-in, with its pending sign-ins in MongoDB. */
@Configuration
@EnableConfigurationProperties(SsoProperties.class)
class SsoConfiguration {

    @Bean
    SsoLogin ssoLogin(PendingLogins pendingLogins, Clock clock, SsoProperties properties) {
        return new SsoLogin(pendingLogins, clock, properties);
    }
}
