package org.autocrm.ticket.customer;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** Handles {@link UpdateCustomer}: edits the aggregate, records its lookup row and reports its version. */
@Component
public class UpdatingCustomer {

    private final Repository<Customer> customers;
    private final CustomerRegister register;

    public UpdatingCustomer(@Qualifier("customerRepository") Repository<Customer> customers, CustomerRegister register) {
        this.customers = customers;
        this.register = register;
    }

    @CommandHandler
    public SavedCustomer handle(UpdateCustomer command) {
        Aggregate<Customer> customer = load(command.customerId());
        long before = customer.version();
        customer.execute(c -> c.update(command, register));
        if (customer.version() != before) {
            register.record(command.tenantId(), command.customerId(), customer.invoke(Customer::profile),
                    customer.version());
        }
        return new SavedCustomer(command.customerId(), customer.version());
    }

    /**
     * Loads the customer. An id without events is unknown; an id whose first event is not a customer's
     * (a ticket id, say) cannot initialise a Customer and is just as unknown.
     */
    private Aggregate<Customer> load(String customerId) {
        try {
            return customers.load(customerId);
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            throw CustomerRule.notFound(customerId);
        }
    }
}
