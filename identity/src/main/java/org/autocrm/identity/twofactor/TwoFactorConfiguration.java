package org.autocrm.identity.twofactor;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The TOTP settings ({@code autocrm.identity.totp.*}). */
@Configuration
@EnableConfigurationProperties(TotpProperties.class)
class TwoFactorConfiguration {
}
