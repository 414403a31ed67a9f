package org.autocrm.gateway.identity.singlesignon;

import java.time.Clock;
import org.autocrm.gateway.sso.PendingLogins;
import org.autocrm.gateway.sso.SsoLogin;
import org.autocrm.gateway.sso.SsoProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the OpenID Connect relying party ({@code sso/}) into sign-in, with its pending sign-ins in MongoDB. */
@Configuration
@EnableConfigurationProperties({SsoProperties.class, SsoBrowserProperties.class})
class SsoConfiguration {

    @Bean
    SsoLogin ssoLogin(PendingLogins pendingLogins, Clock clock, SsoProperties properties) {
        return new SsoLogin(pendingLogins, clock, properties);
    }
}
