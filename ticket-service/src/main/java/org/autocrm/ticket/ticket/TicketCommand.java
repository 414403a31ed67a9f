package org.autocrm.ticket.ticket;

import java.util.Set;
import org.autocrm.events.Actor;

/** A command to an existing ticket, on behalf of someone in one tenant, optionally at a known version. */
public interface TicketCommand {

    String ticketId();

    String tenantId();

    /** The version the caller last saw (If-Match), or null to apply to whatever is current. */
    Long expectedVersion();

    Actor by();

    /** The groups of the staff user acting; an agent may work only on tickets they can see. */
    Set<String> byGroups();
}
