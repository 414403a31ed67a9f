package org.autocrm.routing.sla.tracking;

import java.time.Instant;
import java.util.List;
import org.autocrm.routing.rules.TicketFacts;
import org.autocrm.routing.sla.clock.ClockState;

/**
 * A ticket's SLA clock as kept (MongoDB {@code sla_clocks}, one document per ticket): the clock's state, the ticket
 * as last seen (to choose its policy again when policies change), the terms it was last read under, which warnings
 * and breaches have fired, and what is still to be sent. Every write is conditional on {@code version}, so the
 * reaction, the background recompute and the timer poller of any replica never overwrite each other.
 *
 * @param termsKey           the policy and calendar versions the clock was last read under; null without a policy
 * @param lastTicketSequence the ticket stream's sequence last taken in (a redelivered event is recognised by it)
 * @param slaSequence        how many SLA events of this ticket were made: the next event's envelope sequence
 * @param firedTimers        {@code warning|breach:<metric>:<dueAt>} of every warning and breach already fired
 * @param outbox             events made but not yet acknowledged by Kafka, oldest first
 * @param commands           breach actions not yet delivered to ticket-service
 * @param nextWakeAt         when the timer poller should look at the clock next; null when nothing is due ever
 * @param leaseUntil         while set and ahead, one process is firing or sending for this clock; others keep off
 */
public record SlaClockRecord(
        String ticketId,
        String tenantId,
        long version,
        String policyId,
        String policyName,
        String termsKey,
        ClockState state,
        TicketFacts facts,
        long lastTicketSequence,
        long slaSequence,
        List<String> firedTimers,
        List<OutboxEvent> outbox,
        List<PendingCommand> commands,
        List<TeamLeadNotice> notices,
        Instant nextWakeAt,
        Instant leaseUntil,
        String leaseOwner) {

    public SlaClockRecord {
        firedTimers = firedTimers == null ? List.of() : List.copyOf(firedTimers);
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
        commands = commands == null ? List.of() : List.copyOf(commands);
        notices = notices == null ? List.of() : List.copyOf(notices);
    }

    /** One SLA event as it goes to Kafka: the whole envelope, written once so a resend is byte for byte the same. */
    public record OutboxEvent(String eventId, long sequence, String type, String envelopeJson) {
    }

    /**
     * A breach action for ticket-service.
     *
     * @param kind {@code escalate} (group, and priority when the policy also raises it) or {@code set_priority}
     */
    public record PendingCommand(String kind, String groupId, String priority, String note, String reason,
                                 String idempotencyKey) {
    }

    /** A team lead to be told of a breach; for now the record of it is all there is (and the breach event). */
    public record TeamLeadNotice(String userId, String policyId, String metric, Instant dueAt, Instant at) {
    }
}
