package org.autocrm.ticket.identity;

import org.autocrm.events.Actor;

/** Who sent a request: the tenant it acts in, the user and their role. */
public record RequestingUser(String tenantId, String userId, String role) {

    public Actor asActor() {
        return new Actor(userId, role);
    }
}
