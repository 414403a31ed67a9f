package org.autocrm.ticket.actor;

import java.util.Optional;
import org.autocrm.access.Caller;
import org.autocrm.access.Role;
import org.autocrm.events.Actor;

/**
 * The bridge between the service kit's {@link Caller} and the event contract's {@link Actor}: events
 * name who caused them with the role's wire string ({@link Role#value()}), rules judge the
 * {@link Role} itself.
 */
public final class Actors {

    private Actors() {
    }

    /** The caller as events record them. */
    public static Actor of(Caller caller) {
        return new Actor(caller.userId(), caller.role().value());
    }

    /**
     * The caller as events record them, with the reason an automation gave for its change; anyone else's reason
     * is not theirs to give (a person's change is explained by who they are) and is dropped.
     *
     * @param reason the {@code AutoCRM-Reason} an automation sent, already checked ({@link AutomationReason}); or null
     */
    public static Actor of(Caller caller, String reason) {
        return caller.is(Role.AUTOMATION) && reason != null
                ? new Actor(caller.userId(), caller.role().value(), reason)
                : of(caller);
    }

    /** The actor's role, or empty for a role the kit does not know (which may then do nothing). */
    public static Optional<Role> role(Actor actor) {
        return actor == null ? Optional.empty() : Role.of(actor.role());
    }

    /** Whether the actor has one of the roles (false for an unknown role). */
    public static boolean is(Actor actor, Role role) {
        return role(actor).filter(role::equals).isPresent();
    }
}
