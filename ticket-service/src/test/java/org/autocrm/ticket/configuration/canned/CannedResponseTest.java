package org.autocrm.ticket.configuration.canned;

import static org.autocrm.ticket.configuration.BrokenRule.brokenRule;
import static org.autocrm.ticket.configuration.BrokenRule.expectRefused;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.autocrm.events.Actor;
import org.autocrm.events.CannedAction;
import org.autocrm.events.CannedResponseDeleted;
import org.autocrm.events.CannedResponseSaved;
import org.autocrm.events.TicketStatus;
import org.autocrm.ticket.configuration.ConfigurationRule;
import org.autocrm.ticket.refusal.Refused;
import org.autocrm.ticket.ticket.TicketConfiguration;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CannedResponseTest {

    private static final String RESPONSE = "1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e";
    private static final Actor ADA = new Actor("ada", "admin");
    private static final String BODY = "Hi {{customer.name}}, ticket #{{ ticket.number }} ({{ticket.subject}}) is fixed. {{agent.name}}";
    private static final CannedAction NO_ACTIONS = new CannedAction(null, List.of(), null);

    private AggregateTestFixture<CannedResponse> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CannedResponse.class);
        fixture.registerInjectableResource(new DefaultPriorities());
    }

    @Test
    void savesANewResponseWithItsActions() {
        fixture.givenNoPriorActivity()
                .when(new CreateCannedResponse(RESPONSE, "acme", " Fixed ", BODY,
                        new CannedAction(TicketStatus.RESOLVED, " Patched ", " URGENT ", List.of(" fixed ", "Fixed", "bug"),
                                List.of(" waiting "), null, " tier-2 ", true), ADA))
                .expectEvents(new CannedResponseSaved(RESPONSE, "acme", "Fixed", BODY,
                        new CannedAction(TicketStatus.RESOLVED, "Patched", "URGENT", List.of("fixed", "bug"),
                                List.of("waiting"), null, "tier-2", true), ADA,
                        fixture.currentTime()));
    }

    @Test
    void savesAResponseWithoutActionsAsEmptyActions() {
        fixture.givenNoPriorActivity()
                .when(new CreateCannedResponse(RESPONSE, "acme", "Thanks", "Thanks {{customer.name}}!", null, ADA))
                .expectEvents(new CannedResponseSaved(RESPONSE, "acme", "Thanks", "Thanks {{customer.name}}!",
                        NO_ACTIONS, ADA, fixture.currentTime()));
    }

    @Test
    void refusesUnknownPlaceholdersNamingEachOnce() {
        fixture.givenNoPriorActivity()
                .when(new CreateCannedResponse(RESPONSE, "acme", "Bad", "Hi {{customer.nickname}}, {{ticket.id}} "
                        + "{{ secret }} {{customer.nickname}}", null, ADA))
                .expectNoEvents()
                .expectException(new CustomTypeSafeMatcher<Refused>("unknown placeholders named") {
                    @Override
                    protected boolean matchesSafely(Refused violation) {
                        return violation.refusal() == ConfigurationRule.CANNED_RESPONSE_UNKNOWN_PLACEHOLDER
                                && violation.details().equals(Map.of("unknownPlaceholders",
                                List.of("{{customer.nickname}}", "{{secret}}")));
                    }
                });
    }

    @Test
    void refusesAnUnclosedPlaceholder() {
        expectRefused(fixture.givenNoPriorActivity().when(new CreateCannedResponse(RESPONSE, "acme", "Bad",
                "Hi {{customer.name", null, ADA)), ConfigurationRule.CANNED_RESPONSE_BODY_INVALID);
    }

    @Test
    void refusesBlankTitleOrBody() {
        expectRefused(fixture.givenNoPriorActivity().when(new CreateCannedResponse(RESPONSE, "acme", " ", BODY, null,
                ADA)), ConfigurationRule.CANNED_RESPONSE_TITLE_INVALID);
        expectRefused(fixture.givenNoPriorActivity().when(new CreateCannedResponse(RESPONSE, "acme", "Title", "  ",
                null, ADA)), ConfigurationRule.CANNED_RESPONSE_BODY_INVALID);
    }

    @Test
    void refusesBlankTagsAndBlankGroup() {
        expectRefused(fixture.givenNoPriorActivity().when(new CreateCannedResponse(RESPONSE, "acme", "Title", BODY,
                new CannedAction(null, Arrays.asList("ok", " "), null), ADA)),
                ConfigurationRule.CANNED_RESPONSE_TAGS_INVALID);
        expectRefused(fixture.givenNoPriorActivity().when(new CreateCannedResponse(RESPONSE, "acme", "Title", BODY,
                new CannedAction(null, List.of(), "  "), ADA)), ConfigurationRule.CANNED_RESPONSE_GROUP_INVALID);
    }

    @Test
    void changesTheBodyKeepingTitleAndActions() {
        fixture.given(saved())
                .when(new ChangeCannedResponse(RESPONSE, "acme", null, "Done, {{customer.name}}.", null, ADA))
                .expectEvents(new CannedResponseSaved(RESPONSE, "acme", "Fixed", "Done, {{customer.name}}.",
                        NO_ACTIONS, ADA, fixture.currentTime()));
    }

    @Test
    void changingNothingEmitsNothing() {
        fixture.given(saved())
                .when(new ChangeCannedResponse(RESPONSE, "acme", "Fixed", BODY, null, ADA))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesAChangeWithAnUnknownPlaceholder() {
        fixture.given(saved())
                .when(new ChangeCannedResponse(RESPONSE, "acme", null, "{{agent.phone}}", null, ADA))
                .expectNoEvents()
                .expectException(brokenRule(ConfigurationRule.CANNED_RESPONSE_UNKNOWN_PLACEHOLDER));
    }

    @Test
    void deletesAndThenActsAsIfItNeverExisted() {
        fixture.given(saved())
                .when(new DeleteCannedResponse(RESPONSE, "acme", ADA))
                .expectEvents(new CannedResponseDeleted(RESPONSE, "acme", ADA, fixture.currentTime()));
        expectRefused(fixture.given(saved(), deleted()).when(new DeleteCannedResponse(RESPONSE, "acme", ADA)),
                ConfigurationRule.CANNED_RESPONSE_NOT_FOUND);
        expectRefused(fixture.given(saved(), deleted()).when(new ChangeCannedResponse(RESPONSE, "acme", "New", null,
                null, ADA)), ConfigurationRule.CANNED_RESPONSE_NOT_FOUND);
    }

    @Test
    void refusesAnotherTenantsResponseAsIfItDidNotExist() {
        expectRefused(fixture.given(saved()).when(new DeleteCannedResponse(RESPONSE, "globex", ADA)),
                ConfigurationRule.CANNED_RESPONSE_NOT_FOUND);
    }

    private CannedResponseSaved saved() {
        return new CannedResponseSaved(RESPONSE, "acme", "Fixed", BODY, NO_ACTIONS, ADA, fixture.currentTime());
    }

    private CannedResponseDeleted deleted() {
        return new CannedResponseDeleted(RESPONSE, "acme", ADA, fixture.currentTime());
    }

    /** A tenant with the default priorities and nothing else configured. */
    private static final class DefaultPriorities implements TicketConfiguration {
        @Override
        public CategoryState category(String tenantId, String categoryId) {
            return CategoryState.UNKNOWN;
        }

        @Override
        public Map<String, CustomFieldDefinition> customFields(String tenantId) {
            return Map.of();
        }

        @Override
        public List<String> priorities(String tenantId) {
            return List.of("LOW", "MEDIUM", "HIGH", "URGENT");
        }

        @Override
        public java.util.Optional<TicketStatus> statusOfLabel(String tenantId, String label) {
            return java.util.Optional.empty();
        }
    }
}
