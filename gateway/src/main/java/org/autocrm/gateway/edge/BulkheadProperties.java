package org.autocrm.gateway.edge;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many requests one caller may have in flight at once ({@code autocrm.gateway.bulkhead.*}).
 *
 * @param perCaller requests of one caller (user, API key or anonymous client address) waiting for a service
 *                  at the same time; one more is refused with 429 until one of them is answered
 */
@ConfigurationProperties("autocrm.gateway.bulkhead")
record BulkheadProperties(Boolean enabled, Integer perCaller) {

    BulkheadProperties {
        enabled = enabled == null || enabled;
        perCaller = perCaller == null ? 32 : perCaller;
        if (perCaller < 1) {
            throw new IllegalArgumentException("autocrm.gateway.bulkhead.per-caller must be at least 1");
        }
    }
}
