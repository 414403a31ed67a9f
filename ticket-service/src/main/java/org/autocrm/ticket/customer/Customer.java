package org.autocrm.ticket.customer;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.Map;
import java.util.Objects;
import org.autocrm.events.CustomerCreated;
import org.autocrm.events.CustomerUpdated;
import org.autocrm.ticket.refusal.Refused;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.spring.stereotype.Aggregate;

/** A person or organisation that asks for help, within one tenant. */
@Aggregate
public class Customer {

    @AggregateIdentifier
    private String customerId;
    private String tenantId;
    private CustomerProfile profile;

    protected Customer() {
        // for Axon to rebuild the customer from its events
    }

    /**
     * Decides whether a customer may be created as asked: checks every rule and claims its emails.
     * Kept apart from the constructor so that a refusal is not logged by Axon as a failed creation.
     */
    static CustomerProfile admit(CreateCustomer command, CustomerRegister register) {
        CustomerEditors.check(command.by(), "create customers");
        CustomerProfile requested = CustomerProfile.normalised(command.name(), command.emails(), command.phone(),
                command.company(), command.tier(), command.language(), command.timeZone(), command.externalId());
        claimEmails(command.tenantId(), command.customerId(), requested, register);
        return requested;
    }

    /** Creates a customer {@link #admit admitted} by {@link CreatingCustomer}. */
    Customer(CreateCustomer command, CustomerProfile admitted) {
        apply(new CustomerCreated(command.customerId(), command.tenantId(), admitted.name(), admitted.emails(),
                admitted.phone(), admitted.company(), admitted.tier(), admitted.language(), admitted.timeZone(),
                admitted.externalId(), command.by(), GenericEventMessage.clock.instant()));
    }

    /** Replaces the editable fields; an update that changes nothing records no event. */
    void update(UpdateCustomer command, CustomerRegister register) {
        if (!Objects.equals(tenantId, command.tenantId())) {
            throw CustomerRule.notFound(command.customerId());
        }
        CustomerEditors.check(command.by(), "edit customers");
        long current = AggregateLifecycle.getVersion();
        if (command.expectedVersion() != null && command.expectedVersion() != current) {
            throw new ConflictingAggregateVersionException(customerId, command.expectedVersion(), current);
        }
        CustomerProfile requested = CustomerProfile.normalised(command.name(), command.emails(), command.phone(),
                command.company(), command.tier(), command.language(), command.timeZone(), command.externalId());
        if (requested.equals(profile)) {
            return;
        }
        claimEmails(tenantId, customerId, requested, register);
        apply(new CustomerUpdated(customerId, tenantId, requested.name(), requested.emails(), requested.phone(),
                requested.company(), requested.tier(), requested.language(), requested.timeZone(),
                requested.externalId(), command.by(), GenericEventMessage.clock.instant()));
    }

    private static void claimEmails(String tenantId, String customerId, CustomerProfile requested,
                                    CustomerRegister register) {
        register.claimEmails(tenantId, customerId, requested.emails()).ifPresent(owner -> {
            throw new Refused(CustomerRule.CUSTOMER_EMAIL_TAKEN,
                    "email " + owner.email() + " already belongs to customer " + owner.customerId(),
                    Map.of("email", owner.email(), "existingCustomerId", owner.customerId()));
        });
    }

    CustomerProfile profile() {
        return profile;
    }

    @EventSourcingHandler
    void on(CustomerCreated event) {
        customerId = event.customerId();
        tenantId = event.tenantId();
        profile = new CustomerProfile(event.name(), event.emails(), event.phone(), event.company(), event.tier(),
                event.language(), event.timeZone(), event.externalId());
    }

    @EventSourcingHandler
    void on(CustomerUpdated event) {
        profile = new CustomerProfile(event.name(), event.emails(), event.phone(), event.company(), event.tier(),
                event.language(), event.timeZone(), event.externalId());
    }
}
