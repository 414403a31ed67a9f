package org.autocrm.ticket.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.autocrm.events.Actor;
import org.autocrm.events.TicketCreated;
import org.autocrm.events.TicketStatus;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TicketTest {

    private static final String TICKET = "0f1c2d3e-4b5a-4c6d-8e7f-901a2b3c4d5e";
    private static final Actor MARIA = new Actor("maria", "agent");

    private AggregateTestFixture<Ticket> fixture;
    private final List<String> numbersHandedOut = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Ticket.class);
        TicketNumbers numbers = tenant -> {
            numbersHandedOut.add(tenant);
            return 1041 + numbersHandedOut.size();
        };
        fixture.registerAnnotatedCommandHandler(new OpeningTicket(fixture.getRepository(), numbers));
    }

    @Test
    void opensTicketAsOpenWithTheNextNumberOfItsTenant() {
        fixture.givenNoPriorActivity()
                .when(create("  Cannot access dashboard ", "HIGH"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TicketCreated(TICKET, "acme", 1042, "Cannot access dashboard", "Unable to log in",
                        "sarah", "HIGH", TicketStatus.OPEN, "phone", null, null, List.of(), Map.of(), null, MARIA,
                        fixture.currentTime()))
                .expectResultMessagePayload(new OpenedTicket(TICKET, 1042, 0));
        assertThat(numbersHandedOut).containsExactly("acme");
    }

    @Test
    void refusesTicketWithoutSubjectAndUsesNoNumber() {
        fixture.givenNoPriorActivity()
                .when(create(" ", "HIGH"))
                .expectException(TicketRuleViolation.class)
                .expectNoEvents();
        assertThat(numbersHandedOut).isEmpty();
    }

    @Test
    void refusesTicketWithoutCustomer() {
        fixture.givenNoPriorActivity()
                .when(new CreateTicket(TICKET, "acme", "Subject", "", null, "LOW", Channel.PORTAL, MARIA))
                .expectExceptionMessage("customerId is required: a ticket always belongs to one customer")
                .expectNoEvents();
    }

    @Test
    void refusesPriorityOutsideTheTenantsList() {
        fixture.givenNoPriorActivity()
                .when(create("Subject", "CRITICAL"))
                .expectException(TicketRuleViolation.class)
                .expectExceptionMessage("priority must be one of [LOW, MEDIUM, HIGH, URGENT], not 'CRITICAL'")
                .expectNoEvents();
    }

    private static CreateTicket create(String subject, String priority) {
        return new CreateTicket(TICKET, "acme", subject, "Unable to log in", "sarah", priority, Channel.PHONE, MARIA);
    }
}
