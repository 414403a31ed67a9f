package org.autocrm.routing.sla.settings;

/**
 * Told when a tenant's policies or calendars change, so the clocks they govern follow (due times recomputed, the
 * policy of each open ticket chosen again). Implemented by the clock tracking, which does it in the background.
 */
public interface SlaSettingsChanged {

    void changed(String tenantId);
}
