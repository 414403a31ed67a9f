package org.autocrm.ticket.configuration.customfield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.autocrm.ticket.configuration.BrokenRule.expectRefused;

import java.util.Arrays;
import java.util.List;
import org.autocrm.events.Actor;
import org.autocrm.events.CustomFieldChanged;
import org.autocrm.events.CustomFieldDefined;
import org.autocrm.events.CustomFieldRetired;
import org.autocrm.ticket.configuration.ConfigurationRule;
import org.autocrm.ticket.configuration.InMemoryUniqueNames;
import org.autocrm.ticket.configuration.UniqueNames.Kind;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CustomFieldTest {

    private static final String FIELD = "5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f";
    private static final Actor ADA = new Actor("ada", "admin");

    private AggregateTestFixture<CustomField> fixture;
    private final InMemoryUniqueNames names = new InMemoryUniqueNames();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CustomField.class);
        fixture.registerInjectableResource(names);
    }

    @Test
    void definesADropdownWithDistinctOptionsAndClaimsItsKey() {
        fixture.givenNoPriorActivity()
                .when(define("plan", "Dropdown", List.of(" Free ", "Pro", "Enterprise")))
                .expectEvents(new CustomFieldDefined(FIELD, "acme", "plan", "Plan", "dropdown",
                        List.of("Free", "Pro", "Enterprise"), true, false, ADA, fixture.currentTime()));
        assertThat(names.isHeldBy("acme", Kind.CUSTOM_FIELD_KEY, "plan", FIELD)).isTrue();
    }

    @Test
    void definesFieldsWithoutOptionsForEveryOtherType() {
        for (String type : List.of("text", "number", "date", "checkbox")) {
            fixture = new AggregateTestFixture<>(CustomField.class);
            fixture.registerInjectableResource(new InMemoryUniqueNames());
            fixture.givenNoPriorActivity()
                    .when(define("order_number_2", type, List.of()))
                    .expectEvents(new CustomFieldDefined(FIELD, "acme", "order_number_2", "Plan", type, List.of(),
                            true, false, ADA, fixture.currentTime()));
        }
    }

    @Test
    void refusesKeysThatAreNotLowerSnakeCase() {
        for (String key : Arrays.asList("Plan", "order-number", "2fa", "_plan", "plan_", "plan__tier", "", null,
                "k".repeat(51))) {
            expectRefused(fixture.givenNoPriorActivity().when(define(key, "text", null)),
                    ConfigurationRule.CUSTOM_FIELD_KEY_INVALID);
        }
    }

    @Test
    void refusesAKeyTheTenantAlreadyHasEvenRetired() {
        names.held("acme", Kind.CUSTOM_FIELD_KEY, "plan", "another-field");

        expectRefused(fixture.givenNoPriorActivity().when(define("plan", "text", null)),
                ConfigurationRule.CUSTOM_FIELD_KEY_TAKEN);
    }

    @Test
    void refusesBlankLabelAndUnknownType() {
        expectRefused(fixture.givenNoPriorActivity().when(new DefineCustomField(FIELD, "acme", "plan", "  ", "text",
                null, false, false, ADA)), ConfigurationRule.CUSTOM_FIELD_LABEL_INVALID);
        expectRefused(fixture.givenNoPriorActivity().when(define("plan", "currency", null)),
                ConfigurationRule.CUSTOM_FIELD_TYPE_UNKNOWN)
                .expectExceptionMessage("type must be one of text, number, date, dropdown, multi_select, checkbox, not 'currency'");
    }

    @Test
    void refusesChoicesWithoutOptions() {
        expectRefused(fixture.givenNoPriorActivity().when(define("plan", "dropdown", null)),
                ConfigurationRule.CUSTOM_FIELD_OPTIONS_REQUIRED);
        expectRefused(fixture.givenNoPriorActivity().when(define("plan", "multi_select", List.of())),
                ConfigurationRule.CUSTOM_FIELD_OPTIONS_REQUIRED);
    }

    @Test
    void refusesOptionsForFieldsThatAreNotChoices() {
        expectRefused(fixture.givenNoPriorActivity().when(define("plan", "text", List.of("a"))),
                ConfigurationRule.CUSTOM_FIELD_OPTIONS_FORBIDDEN);
    }

    @Test
    void refusesRepeatedOrBlankOptions() {
        expectRefused(fixture.givenNoPriorActivity().when(define("plan", "dropdown", List.of("Pro", "pro "))),
                ConfigurationRule.CUSTOM_FIELD_OPTIONS_INVALID)
                .expectExceptionMessage("options must be distinct; 'pro' is listed twice");
        expectRefused(fixture.givenNoPriorActivity().when(define("plan", "dropdown", List.of("Pro", " "))),
                ConfigurationRule.CUSTOM_FIELD_OPTIONS_INVALID);
    }

    @Test
    void changesLabelOptionsAndFlagsKeepingWhatIsNotGiven() {
        fixture.given(defined())
                .when(new ChangeCustomField(FIELD, "acme", "plan", "dropdown", null, List.of("Free", "Pro"), null, true, ADA))
                .expectEvents(new CustomFieldChanged(FIELD, "acme", "Plan", List.of("Free", "Pro"), true, true, ADA,
                        fixture.currentTime()));
    }

    @Test
    void changingNothingEmitsNothing() {
        fixture.given(defined())
                .when(new ChangeCustomField(FIELD, "acme", null, null, "Plan", null, true, false, ADA))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesToChangeKeyOrType() {
        expectRefused(fixture.given(defined()).when(new ChangeCustomField(FIELD, "acme", "tier", null, null, null,
                null, null, ADA)), ConfigurationRule.CUSTOM_FIELD_KEY_IMMUTABLE);
        expectRefused(fixture.given(defined()).when(new ChangeCustomField(FIELD, "acme", null, "multi_select", null,
                null, null, null, ADA)), ConfigurationRule.CUSTOM_FIELD_TYPE_IMMUTABLE);
    }

    @Test
    void refusesToEmptyTheOptionsOfAChoice() {
        expectRefused(fixture.given(defined()).when(new ChangeCustomField(FIELD, "acme", null, null, null, List.of(),
                null, null, ADA)), ConfigurationRule.CUSTOM_FIELD_OPTIONS_REQUIRED);
    }

    @Test
    void retiresAndThenRefusesChangesAndASecondRetirement() {
        fixture.given(defined())
                .when(new RetireCustomField(FIELD, "acme", ADA))
                .expectEvents(new CustomFieldRetired(FIELD, "acme", ADA, fixture.currentTime()));
        expectRefused(fixture.given(defined(), retired()).when(new RetireCustomField(FIELD, "acme", ADA)),
                ConfigurationRule.CUSTOM_FIELD_RETIRED);
        expectRefused(fixture.given(defined(), retired()).when(new ChangeCustomField(FIELD, "acme", null, null,
                "New label", null, null, null, ADA)), ConfigurationRule.CUSTOM_FIELD_RETIRED);
    }

    @Test
    void refusesAnotherTenantsFieldAsIfItDidNotExist() {
        expectRefused(fixture.given(defined()).when(new RetireCustomField(FIELD, "globex", ADA)),
                ConfigurationRule.CUSTOM_FIELD_NOT_FOUND);
        expectRefused(fixture.given(defined()).when(new ChangeCustomField(FIELD, "globex", null, null, "Mine", null,
                null, null, ADA)), ConfigurationRule.CUSTOM_FIELD_NOT_FOUND);
    }

    private DefineCustomField define(String key, String type, List<String> options) {
        return new DefineCustomField(FIELD, "acme", key, "Plan", type, options, true, false, ADA);
    }

    private CustomFieldDefined defined() {
        return new CustomFieldDefined(FIELD, "acme", "plan", "Plan", "dropdown", List.of("Free", "Pro", "Enterprise"),
                true, false, ADA, fixture.currentTime());
    }

    private CustomFieldRetired retired() {
        return new CustomFieldRetired(FIELD, "acme", ADA, fixture.currentTime());
    }
}
