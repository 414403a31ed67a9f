package org.autocrm.query.sla;

import java.util.List;

/**
 * The SLA of these tickets changed (one poll of {@code autocrm.sla.v1}): the views holding a copy bring theirs up
 * to date ({@link SlaCopies#propagate}).
 */
public record SlaSummariesChanged(List<Change> changes) {

    public SlaSummariesChanged {
        changes = List.copyOf(changes);
    }

    /** @param summary null when no policy applies to the ticket any more */
    public record Change(String tenantId, String ticketId, SlaSummary summary) {
    }
}
