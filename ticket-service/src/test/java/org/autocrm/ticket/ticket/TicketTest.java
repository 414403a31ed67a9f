package org.autocrm.ticket.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.autocrm.events.TicketStatus.CLOSED;
import static org.autocrm.events.TicketStatus.IN_PROGRESS;
import static org.autocrm.events.TicketStatus.OPEN;
import static org.autocrm.events.TicketStatus.PENDING;
import static org.autocrm.events.TicketStatus.RESOLVED;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.autocrm.events.Actor;
import org.autocrm.events.TicketAssigned;
import org.autocrm.events.TicketCreated;
import org.autocrm.events.TicketCustomFieldChanged;
import org.autocrm.events.TicketEscalated;
import org.autocrm.events.TicketMessageAdded;
import org.autocrm.events.TicketPriorityChanged;
import org.autocrm.events.TicketSatisfactionRated;
import org.autocrm.events.TicketStatus;
import org.autocrm.events.TicketStatusChanged;
import org.autocrm.events.TicketTagsChanged;
import org.autocrm.events.TicketUnassigned;
import org.autocrm.ticket.refusal.Refused;
import org.autocrm.ticket.ticket.TicketConfiguration.CategoryState;
import org.autocrm.ticket.ticket.TicketConfiguration.FieldType;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TicketTest {

    private static final String TICKET = "0f1c2d3e-4b5a-4c6d-8e7f-901a2b3c4d5e";
    private static final String TENANT = "acme";
    private static final Actor MARIA = new Actor("maria", "agent");
    private static final Actor ALEX = new Actor("alex", "agent");
    private static final Actor LISA = new Actor("lisa", "team_lead");
    private static final Actor ADMIN = new Actor("root", "admin");
    private static final Actor SARAH = new Actor("sarah", "customer");

    private AggregateTestFixture<Ticket> fixture;
    private TenantSetup tenant;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Ticket.class);
        tenant = new TenantSetup().customer("sarah");
        fixture.registerAnnotatedCommandHandler(new OpeningTicket(fixture.getRepository(), tenant, tenant, tenant, tenant));
        fixture.registerAnnotatedCommandHandler(new TicketCommands(fixture.getRepository(), tenant, tenant));
    }

    @Nested
    class Opening {

        @Test
        void opensTicketAsOpenWithTheNextNumberOfItsTenant() {
            tenant.categories.put("billing", CategoryState.ACTIVE);
            tenant.field("plan", FieldType.DROPDOWN, false, List.of("basic", "pro"));

            fixture.givenNoPriorActivity()
                    .when(create("  Cannot access dashboard ", "HIGH", "billing", Map.of("plan", "pro"), null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new TicketCreated(TICKET, TENANT, 1042, "Cannot access dashboard",
                            "<p>Unable to <b>log in</b></p>", "sarah", "HIGH", OPEN, "phone", "en", "billing",
                            List.of("login", "urgent"), Map.of("plan", "pro"), null, MARIA, fixture.currentTime()))
                    .expectResultMessagePayload(new OpenedTicket(TICKET, 1042, 0, false));
        }

        @Test
        void refusesTicketWithoutSubjectAndUsesNoNumber() {
            refused(fixture.givenNoPriorActivity().when(create(" ", "HIGH", null, Map.of(), null)),
                    TicketRule.SUBJECT_REQUIRED);
            assertThat(tenant.lastNumber.get()).isEqualTo(1041);
        }

        @Test
        void refusesTicketForSomeoneWhoIsNotACustomerOfTheTenant() {
            refused(fixture.givenNoPriorActivity().when(new CreateTicket(TICKET, as(MARIA), "Help", "", "nobody", "LOW",
                    Channel.PORTAL, null, null, null, null, null, null)), TicketRule.UNKNOWN_CUSTOMER);
        }

        @Test
        void refusesPriorityOutsideTheTenantsList() {
            fixture.givenNoPriorActivity()
                    .when(create("Subject", "CRITICAL", null, Map.of(), null))
                    .expectException(Refused.class)
                    .expectExceptionMessage("priority must be one of [LOW, MEDIUM, HIGH, URGENT], not 'CRITICAL'")
                    .expectNoEvents();
        }

        @Test
        void refusesUnknownAndArchivedCategories() {
            tenant.categories.put("old", CategoryState.ARCHIVED);
            refused(fixture.givenNoPriorActivity().when(create("S", "LOW", "nope", Map.of(), null)),
                    TicketRule.UNKNOWN_CATEGORY);
            refused(fixture.givenNoPriorActivity().when(create("S", "LOW", "old", Map.of(), null)),
                    TicketRule.ARCHIVED_CATEGORY);
        }

        @Test
        void refusesCustomFieldValuesThatDoNotFitTheirDefinitionNamingTheField() {
            tenant.field("seats", FieldType.NUMBER, false, List.of());
            tenant.field("contract_end", FieldType.DATE, false, List.of());
            fixture.givenNoPriorActivity().when(create("S", "LOW", null, Map.of("seats", "ten"), null))
                    .expectException(Refused.class)
                    .expectExceptionMessage("customFields.seats must be a number")
                    .expectNoEvents();
            fixture.givenNoPriorActivity().when(create("S", "LOW", null, Map.of("contract_end", "next year"), null))
                    .expectExceptionMessage("customFields.contract_end must be a date like 2026-11-22");
            fixture.givenNoPriorActivity().when(create("S", "LOW", null, Map.of("colour", "red"), null))
                    .expectExceptionMessage("customFields.colour is not a custom field of this organisation");
        }

        @Test
        void refusesTicketMissingARequiredCustomField() {
            tenant.field("product", FieldType.TEXT, true, List.of());
            fixture.givenNoPriorActivity().when(create("S", "LOW", null, Map.of(), null))
                    .expectExceptionMessage("customFields.product is required")
                    .expectNoEvents();
        }

        @Test
        void customerOpensTicketsOnlyForThemselves() {
            fixture.givenNoPriorActivity()
                    .when(new CreateTicket(TICKET, as(SARAH), "Help", "", "someone-else", "LOW", Channel.PORTAL, null, null,
                            null, null, null, null))
                    .expectException(Refused.class)
                    .expectExceptionMessage("A customer may not open a ticket for someone else");
        }

        @Test
        void theFirstRequestWithAnIdempotencyKeyClaimsIt() {
            fixture.givenNoPriorActivity().when(create("Help", "LOW", null, Map.of(), "key-1"))
                    .expectResultMessagePayload(new OpenedTicket(TICKET, 1042, 0, false));
            assertThat(tenant.claims).containsKey(TENANT + "/key-1");
        }

        @Test
        void aRetriedRequestWithTheSameIdempotencyKeyReturnsTheFirstTicket() {
            CreateTicket retry = new CreateTicket("another-id", as(MARIA), "Help", "again", "sarah", "HIGH", Channel.PHONE,
                    "en", null, List.of(), Map.of(), null, "key-1");
            tenant.claims.put(TENANT + "/key-1", new IdempotentRequests.Claim(TICKET, OpeningTicket.fingerprint(retry)));

            givenTicket().when(retry)
                    .expectNoEvents()
                    .expectResultMessagePayload(new OpenedTicket(TICKET, 1042, 0, true));
        }

        @Test
        void aFollowUpNeedsAClosedTicketOfTheSameTenant() {
            CreateTicket followUp = new CreateTicket("follow-up", as(SARAH), "Still failing", "", "sarah", "LOW",
                    Channel.EMAIL, null, null, null, null, TICKET, null);
            refused(givenTicket().when(followUp), TicketRule.NOT_CLOSED_YET);
            refused(givenTicket(statusChanged(OPEN, CLOSED)).when(new CreateTicket("follow-up",
                    new CommandContext("globex", null, SARAH, Set.of()), "Still failing", "", "sarah", "LOW",
                    Channel.EMAIL, null, null, null, null, TICKET, null)), TicketRule.UNKNOWN_TICKET);
        }

        @Test
        void reusingAnIdempotencyKeyForADifferentRequestIsRefused() {
            tenant.claims.put(TENANT + "/key-2", new IdempotentRequests.Claim(TICKET, "something else"));
            refused(fixture.givenNoPriorActivity().when(create("Help", "LOW", null, Map.of(), "key-2")),
                    TicketRule.IDEMPOTENCY_KEY_REUSED);
        }
    }

    @Nested
    class Status {

        @Test
        void agentStartsWorkingOnAnOpenTicket() {
            givenTicket().when(status(IN_PROGRESS, null, MARIA))
                    .expectEvents(new TicketStatusChanged(TICKET, TENANT, OPEN, IN_PROGRESS, null, "manual", null,
                            MARIA, fixture.currentTime()))
                    .expectResultMessagePayload(new TicketChange(TICKET, 1));
        }

        @Test
        void refusesAnIllegalTransitionNamingTheCurrentAndAllowedStatuses() {
            givenTicket(statusChanged(OPEN, RESOLVED))
                    .when(status(PENDING, null, MARIA))
                    .expectException(Refused.class)
                    .expectExceptionMessage("Ticket #1042 cannot go from RESOLVED to PENDING; allowed: OPEN, CLOSED")
                    .expectNoEvents();
        }

        @Test
        void resolvingNeedsASummary() {
            refused(givenTicket().when(status(RESOLVED, " ", MARIA)), TicketRule.RESOLUTION_SUMMARY_REQUIRED);
            givenTicket().when(status(RESOLVED, "Unlocked the account", MARIA))
                    .expectEvents(new TicketStatusChanged(TICKET, TENANT, OPEN, RESOLVED, null, "manual",
                            "Unlocked the account", MARIA, fixture.currentTime()));
        }

        @Test
        void closedIsFinal() {
            givenTicket(statusChanged(OPEN, CLOSED)).when(status(OPEN, null, ADMIN))
                    .expectExceptionMessage("Ticket #1042 cannot go from CLOSED to OPEN; allowed: none, it is final");
        }

        @Test
        void aTenantStatusLabelMovesTheTicketToItsStatus() {
            tenant.labels.put("Waiting for vendor", TicketStatus.ON_HOLD);
            givenTicket().when(new ChangeTicketStatus(TICKET, as(MARIA), null, "Waiting for vendor", null))
                    .expectEvents(new TicketStatusChanged(TICKET, TENANT, OPEN, TicketStatus.ON_HOLD,
                            "Waiting for vendor", "manual", null, MARIA, fixture.currentTime()));
            refused(givenTicket().when(new ChangeTicketStatus(TICKET, as(MARIA), null, "Nope", null)),
                    TicketRule.UNKNOWN_STATUS_LABEL);
        }

        @Test
        void customersCannotChangeTheStatus() {
            refused(givenTicket().when(status(CLOSED, null, SARAH)), TicketRule.NOT_PERMITTED);
        }

        @Test
        void aStaleIfMatchVersionIsRefusedWithTheCurrentVersion() {
            givenTicket(statusChanged(OPEN, IN_PROGRESS))
                    .when(new ChangeTicketStatus(TICKET, new CommandContext(TENANT, 0L, MARIA, Set.of()), PENDING, null,
                            null))
                    .expectException(new org.hamcrest.CustomTypeSafeMatcher<Refused>("a stale version refusal at version 1") {
                        @Override
                        protected boolean matchesSafely(Refused refused) {
                            return refused.refusal() == TicketRule.STALE_VERSION
                                    && refused.currentVersion().equals(java.util.Optional.of(1L))
                                    && refused.details().equals(Map.of("currentVersion", 1L, "expectedVersion", 0L));
                        }
                    })
                    .expectExceptionMessage("Ticket " + TICKET + " is at version 1, not 0; reload it and apply your change again")
                    .expectNoEvents();
        }
    }

    @Nested
    class Assignment {

        @Test
        void anAgentTakesATicket() {
            givenTicket().when(assign("alex", null, ALEX))
                    .expectEvents(new TicketAssigned(TICKET, TENANT, "alex", null, null, null, ALEX, fixture.currentTime()));
        }

        @Test
        void anAgentCannotAssignOthersOrGroups() {
            refused(givenTicket().when(assign("alex", null, MARIA)), TicketRule.NOT_PERMITTED);
            refused(givenTicket().when(assign(null, "tech", MARIA)), TicketRule.NOT_PERMITTED);
        }

        @Test
        void assigningAGroupClearsTheAgent() {
            givenTicket(new TicketAssigned(TICKET, TENANT, "alex", null, null, null, ALEX, fixture.currentTime()))
                    .when(assign(null, "tech-support", LISA))
                    .expectEvents(new TicketAssigned(TICKET, TENANT, null, "tech-support", "alex", null, LISA,
                            fixture.currentTime()));
        }

        @Test
        void neverAnAgentAndAGroupTogether() {
            refused(givenTicket().when(assign("alex", "tech", LISA)), TicketRule.AGENT_AND_GROUP_TOGETHER);
        }

        @Test
        void unassigningReturnsTheTicketToTheOpenPool() {
            givenTicket(new TicketAssigned(TICKET, TENANT, "alex", null, null, null, ALEX, fixture.currentTime()))
                    .when(new UnassignTicket(TICKET, as(ALEX)))
                    .expectEvents(new TicketUnassigned(TICKET, TENANT, "alex", null, ALEX, fixture.currentTime()));
            refused(givenTicket(new TicketAssigned(TICKET, TENANT, null, "tech", null, null, LISA, fixture.currentTime()))
                    .when(new UnassignTicket(TICKET, new CommandContext(TENANT, null, MARIA, Set.of("tech")))),
                    TicketRule.NOT_PERMITTED);
        }

        @Test
        void anAgentWorksOnlyOnTicketsOfTheirsOfTheirGroupsOrOfNobody() {
            Object toAlex = new TicketAssigned(TICKET, TENANT, "alex", null, null, null, LISA, fixture.currentTime());
            Object toTech = new TicketAssigned(TICKET, TENANT, null, "tech", null, null, LISA, fixture.currentTime());

            refused(givenTicket(toAlex).when(message("Hello", "public", "external", MARIA)), TicketRule.TICKET_NOT_FOUND);
            refused(givenTicket(toTech).when(status(IN_PROGRESS, null, MARIA)), TicketRule.TICKET_NOT_FOUND);
            CommandContext mariaOfTech = new CommandContext(TENANT, null, MARIA, Set.of("tech"));
            givenTicket(toTech).when(new ChangeTicketStatus(TICKET, mariaOfTech, IN_PROGRESS, null, null))
                    .expectSuccessfulHandlerExecution();
            givenTicket(toTech).when(new AssignTicket(TICKET, mariaOfTech, "maria", null))
                    .expectEvents(new TicketAssigned(TICKET, TENANT, "maria", null, null, "tech", MARIA,
                            fixture.currentTime()));
            givenTicket(toAlex).when(status(IN_PROGRESS, null, LISA)).expectSuccessfulHandlerExecution();
        }

        @Test
        void anApiKeyWorksATicketLikeATeamLeadButNeverWritesAdminOnlyNotes() {
            Actor integration = new Actor("key-7", "api_key");
            givenTicket().when(assign(null, "tech", integration)).expectSuccessfulHandlerExecution();
            givenTicket().when(edit(null, "URGENT", null, integration)).expectSuccessfulHandlerExecution();
            refused(givenTicket().when(message("Secret", "admin_only", "external", integration)),
                    TicketRule.NOT_PERMITTED);
        }

        @Test
        void onlyLeadsChangeThePriority() {
            refused(givenTicket().when(edit(null, "URGENT", null, MARIA)), TicketRule.NOT_PERMITTED);
            givenTicket().when(edit(null, "URGENT", null, LISA))
                    .expectEvents(new TicketPriorityChanged(TICKET, TENANT, "HIGH", "URGENT", LISA, fixture.currentTime()));
        }

        @Test
        void escalationRaisesTheLevelAndHandsTheTicketToTheGroup() {
            givenTicket().when(new EscalateTicket(TICKET, as(MARIA), "tier-2", "Needs database access"))
                    .expectEvents(
                            new TicketEscalated(TICKET, TENANT, 1, "tier-2", "Needs database access", MARIA, fixture.currentTime()),
                            new TicketAssigned(TICKET, TENANT, null, "tier-2", null, null, MARIA, fixture.currentTime()));
            refused(givenTicket().when(new EscalateTicket(TICKET, as(MARIA), "tier-2", "")),
                    TicketRule.REASON_REQUIRED);
        }
    }

    @Nested
    class Conversation {

        @Test
        void anInternalNoteRecordsItsMentions() {
            givenTicket().when(message("Checking credentials, @alex can you look?", "internal", "external", MARIA))
                    .expectEvents(new TicketMessageAdded(TICKET, TENANT, "m-1", "external:" + TICKET, "external",
                            "internal", "Checking credentials, @alex can you look?", List.of("alex"), List.of(), MARIA,
                            fixture.currentTime()));
        }

        @Test
        void aCustomerReplyReopensAPendingTicket() {
            givenTicket(statusChanged(OPEN, PENDING))
                    .when(message("It still fails", "public", "external", SARAH))
                    .expectEvents(
                            new TicketMessageAdded(TICKET, TENANT, "m-1", "external:" + TICKET, "external", "public",
                                    "It still fails", List.of(), List.of(), SARAH, fixture.currentTime()),
                            new TicketStatusChanged(TICKET, TENANT, PENDING, OPEN, null, "customer_reply", null, SARAH,
                                    fixture.currentTime()));
        }

        @Test
        void customersWriteOnlyPublicReplies() {
            refused(givenTicket().when(message("psst", "internal", "external", SARAH)), TicketRule.NOT_PERMITTED);
        }

        @Test
        void onlyAdminsWriteAdminOnlyNotes() {
            refused(givenTicket().when(message("salary info", "admin_only", "internal", MARIA)), TicketRule.NOT_PERMITTED);
            givenTicket().when(message("salary info", "admin_only", "internal", MARIA))
                    .expectExceptionMessage("An agent may not write admin-only notes");
            givenTicket().when(message("salary info", "admin_only", "internal", ADMIN)).expectSuccessfulHandlerExecution();
        }

        @Test
        void anInternalThreadCannotHoldPublicMessages() {
            refused(givenTicket().when(message("hello", "public", "internal", MARIA)), TicketRule.INVALID_VISIBILITY);
        }

        @Test
        void aClosedTicketTakesNoMoreMessages() {
            refused(givenTicket(statusChanged(OPEN, CLOSED)).when(message("hello?", "public", "external", SARAH)),
                    TicketRule.TICKET_CLOSED);
        }

        @Test
        void aMessageOfOnlyScriptsIsEmpty() {
            refused(givenTicket().when(message("<script>alert(1)</script>", "public", "external", MARIA)),
                    TicketRule.BODY_REQUIRED);
        }
    }

    @Nested
    class Details {

        @Test
        void tagChangesRecordWhatWasAddedAndRemoved() {
            givenTicket().when(new UpdateTicket(TICKET, as(MARIA), null, null, null, null, List.of("login", "vip"), null))
                    .expectEvents(new TicketTagsChanged(TICKET, TENANT, List.of("vip"), List.of("urgent"),
                            List.of("login", "vip"), MARIA, fixture.currentTime()));
        }

        @Test
        void eachCustomFieldChangeIsCheckedAndRecorded() {
            tenant.field("seats", FieldType.NUMBER, false, List.of());
            givenTicket().when(new UpdateTicket(TICKET, as(MARIA), null, null, null, null, null, Map.of("seats", 12)))
                    .expectEvents(new TicketCustomFieldChanged(TICKET, TENANT, "seats", null, 12, MARIA, fixture.currentTime()));
            refused(givenTicket().when(new UpdateTicket(TICKET, as(MARIA), null, null, null, null, null,
                    Map.of("seats", "many"))), TicketRule.INVALID_CUSTOM_FIELD);
        }

        @Test
        void anotherTenantsTicketDoesNotExist() {
            refused(givenTicket().when(new ChangeTicketStatus(TICKET, new CommandContext("globex", null, MARIA, Set.of()),
                    IN_PROGRESS, null, null)), TicketRule.TICKET_NOT_FOUND);
        }

        @Test
        void aCustomerCannotSeeSomeoneElsesTicket() {
            refused(givenTicket().when(message("hi", "public", "external", new Actor("mallory", "customer"))),
                    TicketRule.TICKET_NOT_FOUND);
        }
    }

    @Nested
    class Relations {

        @Test
        void aTicketCannotBeMergedIntoOrLinkedToItself() {
            refused(givenTicket().when(new MergeTicket(TICKET, as(MARIA), TICKET)),
                    TicketRule.CANNOT_MERGE_INTO_ITSELF);
            refused(givenTicket().when(new LinkTickets(TICKET, as(MARIA), TICKET, "related")),
                    TicketRule.CANNOT_LINK_TO_ITSELF);
        }

        @Test
        void aClosedTicketNoLongerChanges() {
            refused(givenTicket(statusChanged(OPEN, CLOSED)).when(edit("New subject", null, null, MARIA)),
                    TicketRule.TICKET_CLOSED);
            refused(givenTicket(statusChanged(OPEN, CLOSED)).when(assign("maria", null, MARIA)),
                    TicketRule.TICKET_CLOSED);
            refused(givenTicket(statusChanged(OPEN, CLOSED))
                    .when(new EscalateTicket(TICKET, as(MARIA), "tier-2", "late")), TicketRule.TICKET_CLOSED);
        }

        @Test
        void aMergedTicketPointsToWhereItWent() {
            givenTicket(new org.autocrm.events.TicketMerged(TICKET, TENANT, "target", MARIA, fixture.currentTime()))
                    .when(message("hello", "public", "external", SARAH))
                    .expectException(Refused.class)
                    .expectExceptionMessage("Ticket #1042 was merged into ticket target")
                    .expectNoEvents();
        }
    }

    @Nested
    class Satisfaction {

        @Test
        void theCustomerRatesAResolvedTicket() {
            givenTicket(statusChanged(OPEN, RESOLVED))
                    .when(new RateTicket(TICKET, as(SARAH), "five_point", 5, " Quick and kind "))
                    .expectEvents(new TicketSatisfactionRated(TICKET, TENANT, "five_point", 5, "Quick and kind", SARAH,
                            fixture.currentTime()));
        }

        @Test
        void ratingWaitsForTheResolutionAndFitsItsScale() {
            refused(givenTicket().when(new RateTicket(TICKET, as(SARAH), "five_point", 5, null)),
                    TicketRule.NOT_RESOLVED_YET);
            refused(givenTicket(statusChanged(OPEN, RESOLVED))
                    .when(new RateTicket(TICKET, as(SARAH), "good_bad", 3, null)), TicketRule.INVALID_SCORE);
            refused(givenTicket(statusChanged(OPEN, RESOLVED))
                    .when(new RateTicket(TICKET, as(MARIA), "five_point", 5, null)), TicketRule.NOT_PERMITTED);
        }
    }

    @Nested
    class BulkChange {

        @Test
        void aBulkChangeAddsAndRemovesTagsKeepingTheTicketsOthersAndAssigns() {
            givenTicket().when(new ApplyBulkChange(TICKET, as(LISA), "URGENT", List.of("VIP"), List.of("urgent"),
                            "alex", null, null, null, null))
                    .expectEvents(new TicketPriorityChanged(TICKET, TENANT, "HIGH", "URGENT", LISA, fixture.currentTime()),
                            new TicketTagsChanged(TICKET, TENANT, List.of("vip"), List.of("urgent"), List.of("login", "vip"),
                                    LISA, fixture.currentTime()),
                            new TicketAssigned(TICKET, TENANT, "alex", null, null, null, LISA, fixture.currentTime()));
        }

        @Test
        void aTicketTakesTheWholeBulkChangeOrNoneOfIt() {
            refused(givenTicket().when(new ApplyBulkChange(TICKET, as(LISA), "URGENT", List.of("vip"), null, "alex", null,
                    RESOLVED, null, null)), TicketRule.RESOLUTION_SUMMARY_REQUIRED);
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    private TestExecutor<Ticket> givenTicket(Object... laterEvents) {
        List<Object> history = new java.util.ArrayList<>();
        history.add(new GenericDomainEventMessage<>("Ticket", TICKET, 0, created()));
        for (int i = 0; i < laterEvents.length; i++) {
            history.add(new GenericDomainEventMessage<>("Ticket", TICKET, i + 1, laterEvents[i]));
        }
        return fixture.given(history);
    }

    private TicketCreated created() {
        return new TicketCreated(TICKET, TENANT, 1042, "Cannot access dashboard", "<p>Unable to log in</p>", "sarah",
                "HIGH", OPEN, "phone", "en", null, List.of("login", "urgent"), Map.of(), null, MARIA,
                fixture.currentTime());
    }

    private TicketStatusChanged statusChanged(TicketStatus from, TicketStatus to) {
        return new TicketStatusChanged(TICKET, TENANT, from, to, null, "manual", to == RESOLVED ? "Fixed" : null, MARIA,
                fixture.currentTime());
    }

    private static CreateTicket create(String subject, String priority, String category, Map<String, Object> fields,
                                       String idempotencyKey) {
        return new CreateTicket(TICKET, as(MARIA), subject, "<p>Unable to <b>log in</b></p><script>x()</script>", "sarah",
                priority, Channel.PHONE, "en", category, List.of("Login", "urgent", " login "), fields, null,
                idempotencyKey);
    }

    private static ChangeTicketStatus status(TicketStatus to, String summary, Actor by) {
        return new ChangeTicketStatus(TICKET, as(by), to, null, summary);
    }

    private static AssignTicket assign(String agent, String group, Actor by) {
        return new AssignTicket(TICKET, as(by), agent, group);
    }

    private static UpdateTicket edit(String subject, String priority, String category, Actor by) {
        return new UpdateTicket(TICKET, as(by), subject, null, priority, category, null, null);
    }

    private static PostMessage message(String body, String visibility, String threadKind, Actor by) {
        return new PostMessage(TICKET, as(by), "m-1", null, threadKind, visibility, body, null, null);
    }

    /** The context of a request by {@code by} in the test tenant, at whatever version is current. */
    private static CommandContext as(Actor by) {
        return new CommandContext(TENANT, null, by, Set.of());
    }

    private static void refused(ResultValidator<Ticket> result, TicketRule rule) {
        result.expectNoEvents();
        result.expectException(new org.hamcrest.TypeSafeMatcher<Throwable>() {
            @Override
            protected boolean matchesSafely(Throwable failure) {
                return failure instanceof Refused violation && violation.refusal() == rule;
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("a Refused of rule " + rule);
            }
        });
    }
}
