package org.autocrm.query.presence;

import jakarta.annotation.Nullable;
import java.time.Instant;

/**
 * Someone of the organisation on a ticket now.
 *
 * @param name  their display name, when their access token names it
 * @param state {@code viewing} or {@code typing}
 * @param since when they came, or when they started what they are doing now
 */
public record Presence(String userId, @Nullable String name, String state, Instant since) {
}
