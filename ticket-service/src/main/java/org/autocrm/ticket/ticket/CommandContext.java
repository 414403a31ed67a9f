package org.autocrm.ticket.ticket;

import java.util.Set;
import org.autocrm.access.Caller;
import org.autocrm.events.Actor;
import org.autocrm.ticket.actor.Actors;

/**
 * On whose behalf a ticket command is sent, and at which version: the same four things every ticket
 * command carries, built once per request from the caller and its If-Match header.
 *
 * @param tenantId        the tenant the caller acts in; a ticket of another tenant does not exist for them
 * @param expectedVersion the version the caller last saw (If-Match), or null to apply to whatever is current
 * @param by              who acts, as the events record them
 * @param byGroups        the groups of the staff user acting; an agent may work only on tickets they can see
 */
public record CommandContext(String tenantId, Long expectedVersion, Actor by, Set<String> byGroups) {

    public CommandContext {
        byGroups = byGroups == null ? Set.of() : Set.copyOf(byGroups);
    }

    /** The context of a request from {@code caller}, expecting the ticket at {@code expectedVersion} (null: any). */
    public static CommandContext of(Caller caller, Long expectedVersion) {
        return of(caller, null, expectedVersion);
    }

    /**
     * The context of a request from {@code caller} giving {@code reason} (recorded for an automation only, see
     * {@link Actors#of(Caller, String)}), expecting the ticket at {@code expectedVersion} (null: any).
     */
    public static CommandContext of(Caller caller, String reason, Long expectedVersion) {
        return new CommandContext(caller.tenantId(), expectedVersion, Actors.of(caller, reason), caller.groups());
    }
}
