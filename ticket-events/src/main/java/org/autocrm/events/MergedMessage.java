package org.autocrm.events;

import java.time.Instant;
import java.util.List;

/** A message that came along when a ticket was merged, as it was written on the source ticket. */
public record MergedMessage(
        String messageId,
        String threadId,
        String threadKind,
        String visibility,
        String body,
        Actor by,
        Instant at,
        List<String> attachmentIds) {
}
