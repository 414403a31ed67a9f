package org.autocrm.routing.sla.settings;

import java.time.Instant;

/** A tenant's SLA policy as kept: what the admin wrote (already accepted) and its bookkeeping. */
public record StoredPolicy(String tenantId, String id, PolicySpec spec, long version, Instant createdAt,
                           Instant updatedAt) {

    public boolean active() {
        return spec.isActive();
    }

    /** The checked policy (it was checked when stored; the calendar is not looked up again here). */
    public SlaPolicy policy() {
        return PolicyParser.parse(id, spec, calendarId -> true, true);
    }
}
