package org.autocrm.ticket.configuration.canned;

import jakarta.annotation.Nullable;
import org.autocrm.events.CannedAction;

/** A canned response as agents see it. */
public record CannedResponseView(String cannedResponseId, String title, String body,
                                 @Nullable CannedAction actions) {
}
