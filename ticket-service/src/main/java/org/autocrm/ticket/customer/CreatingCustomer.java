package org.autocrm.ticket.customer;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** Handles {@link CreateCustomer}: checks the rules, creates the aggregate, records its lookup row and reports its version. */
@Component
public class CreatingCustomer {

    private final Repository<Customer> customers;
    private final CustomerRegister register;

    public CreatingCustomer(@Qualifier("customerRepository") Repository<Customer> customers, CustomerRegister register) {
        this.customers = customers;
        this.register = register;
    }

    @CommandHandler
    public SavedCustomer handle(CreateCustomer command) throws Exception {
        CustomerProfile admitted = Customer.admit(command, register);
        Aggregate<Customer> customer = customers.newInstance(() -> new Customer(command, admitted));
        register.record(command.tenantId(), command.customerId(), admitted, customer.version());
        return new SavedCustomer(command.customerId(), customer.version());
    }
}
