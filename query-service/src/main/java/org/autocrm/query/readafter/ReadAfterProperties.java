package org.autocrm.query.readafter;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Read-your-writes ({@code autocrm.query.read-after.*}).
 *
 * @param timeout      how long a read waits for the projection to reach the asked versions before answering 503
 * @param unknownAfter how long a read waits before asking whether what it waits for exists at all (404 if not), and
 *                     how often it asks again: longer than ticket-service takes to publish a write it has answered
 */
@ConfigurationProperties("autocrm.query.read-after")
record ReadAfterProperties(@DefaultValue("2s") Duration timeout, @DefaultValue("500ms") Duration unknownAfter) {
}
