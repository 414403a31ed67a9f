package org.autocrm.identity.singlesignon;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Which account a person at the tenant's provider is: issuer and subject identify them for good
 * (emails change). The key is {@code <tenant> <issuer> <subject>}.
 */
@Document("identity_sso_links")
record SsoLink(@Id String key, String tenantId, String issuer, String subject, String accountId, Instant linkedAt) {

    static String keyOf(String tenantId, String issuer, String subject) {
        return tenantId + " " + issuer + " " + subject;
    }
}
