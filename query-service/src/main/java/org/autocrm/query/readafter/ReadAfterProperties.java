package org.autocrm.query.readafter;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Read-your-writes ({@code autocrm.query.read-after.*}).
 *
 * @param timeout how long a read waits for the projection to reach the asked versions before answering 503
 */
@ConfigurationProperties("autocrm.query.read-after")
record ReadAfterProperties(@DefaultValue("2s") Duration timeout) {
}
