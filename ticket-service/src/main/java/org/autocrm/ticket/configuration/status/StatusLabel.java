package org.autocrm.ticket.configuration.status;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.Objects;
import org.autocrm.events.Actor;
import org.autocrm.events.StatusLabelDefined;
import org.autocrm.events.TicketStatus;
import org.autocrm.ticket.configuration.ConfigurationRule;
import org.autocrm.ticket.configuration.UniqueNames;
import org.autocrm.ticket.refusal.Refused;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A tenant's own name for a state of its tickets, mapped to one fixed {@link TicketStatus}; unique per tenant. */
@Aggregate
public class StatusLabel {

    static final int LABEL_MAX_LENGTH = 60;

    @AggregateIdentifier
    private String labelId;
    private String tenantId;
    private String label;
    private TicketStatus status;

    protected StatusLabel() {
        // for Axon to rebuild the label from its events
    }

    @CommandHandler
    public StatusLabel(DefineStatusLabel command, UniqueNames names) {
        String label = validLabel(command.label());
        TicketStatus status = required(command.status());
        claim(names, command.tenantId(), command.labelId(), label);
        define(command.labelId(), command.tenantId(), label, status, command.by());
    }

    @CommandHandler
    public void handle(ChangeStatusLabel command, UniqueNames names) {
        if (!Objects.equals(command.tenantId(), tenantId)) {
            throw new Refused(ConfigurationRule.STATUS_LABEL_NOT_FOUND,
                    "There is no status label " + command.labelId());
        }
        String newLabel = command.label() == null ? label : validLabel(command.label());
        TicketStatus newStatus = command.status() == null ? status : command.status();
        if (newLabel.equals(label) && newStatus == status) {
            return;
        }
        claim(names, tenantId, labelId, newLabel);
        define(labelId, tenantId, newLabel, newStatus, command.by());
    }

    private static void define(String labelId, String tenantId, String label, TicketStatus status, Actor by) {
        apply(new StatusLabelDefined(labelId, tenantId, label, status, by, GenericEventMessage.clock.instant()));
    }

    private static String validLabel(String label) {
        String normalised = label == null ? "" : label.strip().replaceAll("\\s+", " ");
        if (normalised.isEmpty() || normalised.length() > LABEL_MAX_LENGTH) {
            throw new Refused(ConfigurationRule.STATUS_LABEL_INVALID,
                    "label must be 1 to " + LABEL_MAX_LENGTH + " characters");
        }
        return normalised;
    }

    private static TicketStatus required(TicketStatus status) {
        if (status == null) {
            throw new Refused(ConfigurationRule.STATUS_REQUIRED,
                    "status is required: the fixed status the label stands for");
        }
        return status;
    }

    private static void claim(UniqueNames names, String tenantId, String labelId, String label) {
        if (!names.claim(tenantId, UniqueNames.Kind.STATUS_LABEL, label, labelId)) {
            throw new Refused(ConfigurationRule.STATUS_LABEL_TAKEN,
                    "label '" + label + "' is already used by another status label");
        }
    }

    @EventSourcingHandler
    void on(StatusLabelDefined event) {
        labelId = event.labelId();
        tenantId = event.tenantId();
        label = event.label();
        status = event.status();
    }
}
