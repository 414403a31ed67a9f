package org.autocrm.routing.sla.clock;

import java.time.Instant;
import java.util.Objects;
import org.autocrm.routing.sla.policy.Priority;

/**
 * What happened to a ticket, as far as its SLA clocks care: the SLA's own small facts, in the order they happened.
 * Each mirrors a ticket event of the contract, field for field where it matters ({@code at}, {@code priority},
 * {@code to}, {@code visibility}, the author's role), so the listener to come maps one to the other in a line, and
 * the clock does not depend on the contract.
 */
public sealed interface TicketFact {

    /** When it happened. */
    Instant at();

    /** The ticket was opened ({@code TicketCreated}): first response and resolution start. */
    record Created(Instant at, Priority priority, TicketStatus status) implements TicketFact {
        public Created {
            Objects.requireNonNull(at);
            Objects.requireNonNull(priority);
            Objects.requireNonNull(status);
        }
    }

    /** The ticket's priority changed ({@code TicketPriorityChanged}): due times follow the new priority's targets. */
    record PriorityChanged(Instant at, Priority to) implements TicketFact {
        public PriorityChanged {
            Objects.requireNonNull(at);
            Objects.requireNonNull(to);
        }
    }

    /** The ticket moved to another status ({@code TicketStatusChanged}). */
    record StatusChanged(Instant at, TicketStatus to) implements TicketFact {
        public StatusChanged {
            Objects.requireNonNull(at);
            Objects.requireNonNull(to);
        }
    }

    /** A message was written on the ticket ({@code TicketMessageAdded}; the role is {@code by.role}). */
    record MessageAdded(Instant at, AuthorRole authorRole, Visibility visibility) implements TicketFact {
        public MessageAdded {
            Objects.requireNonNull(at);
            Objects.requireNonNull(authorRole);
            Objects.requireNonNull(visibility);
        }
    }
}
