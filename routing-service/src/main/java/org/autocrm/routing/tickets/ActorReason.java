package org.autocrm.routing.tickets;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.function.Supplier;
import org.autocrm.events.Actor;

/**
 * The {@code reason} an automation gave for a change ({@code by.reason} of a ticket event, e.g. {@code rule:a,rule:b}).
 *
 * <p>Temporary, until {@link Actor} gains its {@code reason} component on this branch (contract A of issue 12, being
 * added in parallel): read defensively, the component when the record has it, otherwise the value the listener read
 * from the event's JSON for the very actor instance it is taking in. Once {@code Actor.reason()} exists, {@link #of}
 * becomes {@code return by == null ? null : by.reason();} and the rest of this class goes.
 */
public final class ActorReason {

    private static final RecordComponent REASON = Arrays.stream(Actor.class.getRecordComponents())
            .filter(component -> component.getName().equals("reason")).findFirst().orElse(null);

    private record Bridged(Actor actor, String reason) {
    }

    private static final ThreadLocal<Bridged> TAKING = new ThreadLocal<>();

    private ActorReason() {
    }

    /** The reason {@code by} gave, or {@code null}. */
    public static String of(Actor by) {
        if (by == null) {
            return null;
        }
        if (REASON != null) {
            try {
                Object reason = REASON.getAccessor().invoke(by);
                if (reason != null) {
                    return reason.toString();
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot read Actor.reason", e);
            }
        }
        Bridged bridged = TAKING.get();
        return bridged != null && bridged.actor() == by ? bridged.reason() : null;
    }

    /** While an event is taken in: its actor's reason as read from the JSON (only needed while Actor lacks it). */
    public static <T> T whileTaking(Actor by, String reason, Supplier<T> work) {
        TAKING.set(new Bridged(by, reason));
        try {
            return work.get();
        } finally {
            TAKING.remove();
        }
    }
}
