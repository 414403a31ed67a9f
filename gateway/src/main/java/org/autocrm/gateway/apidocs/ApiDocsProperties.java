package org.autocrm.gateway.apidocs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param timeout how long one service's document may take before it is left out
 *                ({@code autocrm.gateway.api-docs.timeout}, default 3 s)
 */
@ConfigurationProperties("autocrm.gateway.api-docs")
record ApiDocsProperties(Duration timeout) {

    ApiDocsProperties {
        timeout = timeout == null ? Duration.ofSeconds(3) : timeout;
    }
}
