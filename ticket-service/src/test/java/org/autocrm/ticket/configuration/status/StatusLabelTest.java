package org.autocrm.ticket.configuration.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.autocrm.ticket.configuration.BrokenRule.expectRefused;

import org.autocrm.events.Actor;
import org.autocrm.events.StatusLabelDefined;
import org.autocrm.events.TicketStatus;
import org.autocrm.ticket.configuration.ConfigurationRule;
import org.autocrm.ticket.configuration.InMemoryUniqueNames;
import org.autocrm.ticket.configuration.UniqueNames.Kind;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatusLabelTest {

    private static final String LABEL = "9e8d7c6b-5a4f-4e3d-9c2b-1a0f9e8d7c6b";
    private static final Actor ADA = new Actor("ada", "admin");

    private AggregateTestFixture<StatusLabel> fixture;
    private final InMemoryUniqueNames names = new InMemoryUniqueNames();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(StatusLabel.class);
        fixture.registerInjectableResource(names);
    }

    @Test
    void definesALabelForAFixedStatusAndClaimsIt() {
        fixture.givenNoPriorActivity()
                .when(new DefineStatusLabel(LABEL, "acme", " Waiting  for vendor ", TicketStatus.ON_HOLD, ADA))
                .expectEvents(new StatusLabelDefined(LABEL, "acme", "Waiting for vendor", TicketStatus.ON_HOLD, ADA,
                        fixture.currentTime()));
        assertThat(names.isHeldBy("acme", Kind.STATUS_LABEL, "waiting for vendor", LABEL)).isTrue();
    }

    @Test
    void refusesBlankOrTooLongLabelAndMissingStatus() {
        expectRefused(fixture.givenNoPriorActivity().when(new DefineStatusLabel(LABEL, "acme", " ",
                TicketStatus.OPEN, ADA)), ConfigurationRule.STATUS_LABEL_INVALID);
        expectRefused(fixture.givenNoPriorActivity().when(new DefineStatusLabel(LABEL, "acme", "x".repeat(61),
                TicketStatus.OPEN, ADA)), ConfigurationRule.STATUS_LABEL_INVALID);
        expectRefused(fixture.givenNoPriorActivity().when(new DefineStatusLabel(LABEL, "acme", "Waiting", null, ADA)),
                ConfigurationRule.STATUS_REQUIRED);
    }

    @Test
    void refusesALabelTheTenantAlreadyHasWhateverTheCase() {
        names.held("acme", Kind.STATUS_LABEL, "Waiting for vendor", "another-label");

        expectRefused(fixture.givenNoPriorActivity().when(new DefineStatusLabel(LABEL, "acme", "WAITING FOR VENDOR",
                TicketStatus.PENDING, ADA)), ConfigurationRule.STATUS_LABEL_TAKEN);
    }

    @Test
    void remapsToAnotherStatusKeepingTheLabel() {
        fixture.given(defined())
                .when(new ChangeStatusLabel(LABEL, "acme", null, TicketStatus.PENDING, ADA))
                .expectEvents(new StatusLabelDefined(LABEL, "acme", "Waiting for vendor", TicketStatus.PENDING, ADA,
                        fixture.currentTime()));
    }

    @Test
    void renamesAndReleasesTheOldLabel() {
        names.held("acme", Kind.STATUS_LABEL, "Waiting for vendor", LABEL);

        fixture.given(defined())
                .when(new ChangeStatusLabel(LABEL, "acme", "Vendor", null, ADA))
                .expectEvents(new StatusLabelDefined(LABEL, "acme", "Vendor", TicketStatus.ON_HOLD, ADA,
                        fixture.currentTime()));
        assertThat(names.isHeldBy("acme", Kind.STATUS_LABEL, "Waiting for vendor", LABEL)).isFalse();
    }

    @Test
    void changingNothingEmitsNothing() {
        fixture.given(defined())
                .when(new ChangeStatusLabel(LABEL, "acme", "Waiting for vendor", TicketStatus.ON_HOLD, ADA))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesRenameToALabelTaken() {
        names.held("acme", Kind.STATUS_LABEL, "Vendor", "another-label");

        expectRefused(fixture.given(defined()).when(new ChangeStatusLabel(LABEL, "acme", "vendor", null, ADA)),
                ConfigurationRule.STATUS_LABEL_TAKEN);
    }

    @Test
    void refusesAnotherTenantsLabelAsIfItDidNotExist() {
        expectRefused(fixture.given(defined()).when(new ChangeStatusLabel(LABEL, "globex", "Mine", null, ADA)),
                ConfigurationRule.STATUS_LABEL_NOT_FOUND);
    }

    private StatusLabelDefined defined() {
        return new StatusLabelDefined(LABEL, "acme", "Waiting for vendor", TicketStatus.ON_HOLD, ADA,
                fixture.currentTime());
    }
}
