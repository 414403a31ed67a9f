package org.autocrm.ticket.configuration.canned;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.Objects;
import org.autocrm.events.CannedAction;
import org.autocrm.events.CannedResponseDeleted;
import org.autocrm.events.CannedResponseSaved;
import org.autocrm.ticket.configuration.ConfigurationRule;
import org.autocrm.ticket.refusal.Refused;
import org.autocrm.ticket.ticket.TicketConfiguration;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A canned response (macro) of a tenant: a title, a body whose placeholders all have values, and
 * what applying it also does. Once deleted it is gone for every command.
 */
@Aggregate
public class CannedResponse {

    @AggregateIdentifier
    private String cannedResponseId;
    private String tenantId;
    private String title;
    private String body;
    private CannedAction actions;
    private boolean deleted;

    protected CannedResponse() {
        // for Axon to rebuild the canned response from its events
    }

    @CommandHandler
    public CannedResponse(CreateCannedResponse command, TicketConfiguration configuration) {
        apply(new CannedResponseSaved(command.cannedResponseId(), command.tenantId(),
                CannedResponseRules.title(command.title()), CannedResponseRules.body(command.body()),
                CannedResponseRules.actions(command.actions(), configuration.priorities(command.tenantId())), command.by(), GenericEventMessage.clock.instant()));
    }

    @CommandHandler
    public void handle(ChangeCannedResponse command, TicketConfiguration configuration) {
        requireExisting(command.tenantId(), command.cannedResponseId());
        String newTitle = command.title() == null ? title : CannedResponseRules.title(command.title());
        String newBody = command.body() == null ? body : CannedResponseRules.body(command.body());
        CannedAction newActions = command.actions() == null ? actions
                : CannedResponseRules.actions(command.actions(), configuration.priorities(tenantId));
        if (newTitle.equals(title) && newBody.equals(body) && Objects.equals(newActions, actions)) {
            return;
        }
        apply(new CannedResponseSaved(cannedResponseId, tenantId, newTitle, newBody, newActions, command.by(),
                GenericEventMessage.clock.instant()));
    }

    @CommandHandler
    public void handle(DeleteCannedResponse command) {
        requireExisting(command.tenantId(), command.cannedResponseId());
        apply(new CannedResponseDeleted(cannedResponseId, tenantId, command.by(), GenericEventMessage.clock.instant()));
    }

    /** Refuses, as if it never existed, a deleted canned response or one of another tenant. */
    private void requireExisting(String tenantId, String requestedId) {
        if (deleted || !Objects.equals(tenantId, this.tenantId)) {
            throw new Refused(ConfigurationRule.CANNED_RESPONSE_NOT_FOUND,
                    "There is no canned response " + requestedId);
        }
    }

    @EventSourcingHandler
    void on(CannedResponseSaved event) {
        cannedResponseId = event.cannedResponseId();
        tenantId = event.tenantId();
        title = event.title();
        body = event.body();
        actions = event.actions();
    }

    @EventSourcingHandler
    void on(CannedResponseDeleted event) {
        deleted = true;
    }
}
