package org.autocrm.routing.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.autocrm.routing.rules.Admin.when;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.autocrm.events.TicketStatus;
import org.junit.jupiter.api.Test;

/** What each operator means on each kind of field, as an admin would expect it. */
class ConditionsTest {

    private static boolean holds(ConditionSpec condition, TicketFacts facts) {
        Rule rule = Admin.onCreation("r", 1, List.of(condition), Admin.addTags("x"));
        return rule.test(facts).matched();
    }

    private static TicketFacts.Builder ticket() {
        return TicketFacts.builder("t-1");
    }

    @Test
    void subjectAndDescriptionContainTextIgnoringCase() {
        TicketFacts facts = ticket().subject("Refund for order 1234").description("I was charged TWICE").build();

        assertThat(holds(when("subject", "contains", "refund"), facts)).isTrue();
        assertThat(holds(when("description", "contains", "twice"), facts)).isTrue();
        assertThat(holds(when("description", "not_contains", "twice"), facts)).isFalse();
        assertThat(holds(when("subject", "contains", "invoice"), facts)).isFalse();
        assertThat(holds(when("subject", "is", "refund for ORDER 1234"), facts)).isTrue();
    }

    @Test
    void aFieldTheTicketLacksMatchesOnlyNegativeTests() {
        TicketFacts noCompany = ticket().build();

        assertThat(holds(when("customer.company", "is", "Acme"), noCompany)).isFalse();
        assertThat(holds(when("customer.company", "contains", "Acme"), noCompany)).isFalse();
        assertThat(holds(when("customer.company", "is_not", "Acme"), noCompany)).isTrue();
        assertThat(holds(when("customer.company", "not_in", List.of("Acme")), noCompany)).isTrue();
        assertThat(holds(when("customer.company", "is_set", null), noCompany)).isFalse();
        assertThat(holds(when("customer.company", "is_not_set", null), noCompany)).isTrue();
        assertThat(holds(when("customer.company", "is_set", null), ticket().customer("  ", null).build())).isFalse();
    }

    @Test
    void tierAndPriorityMatchOneOfAList() {
        TicketFacts platinum = ticket().customer("Acme", "platinum").priority("high").build();

        assertThat(holds(when("customer.tier", "in", List.of("gold", "platinum")), platinum)).isTrue();
        assertThat(holds(when("customer.tier", "not_in", List.of("gold", "platinum")), platinum)).isFalse();
        assertThat(holds(when("priority", "in", List.of("urgent", "HIGH")), platinum)).isTrue();
    }

    @Test
    void tagsContainOneTagOrAnyOfSeveral() {
        TicketFacts tagged = ticket().tags("vip", "billing").build();

        assertThat(holds(when("tags", "contains", "VIP"), tagged)).isTrue();
        assertThat(holds(when("tags", "not_contains", "vip"), tagged)).isFalse();
        assertThat(holds(when("tags", "in", List.of("spam", "billing")), tagged)).isTrue();
        assertThat(holds(when("tags", "not_in", List.of("spam", "legal")), tagged)).isTrue();
        assertThat(holds(when("tags", "is_not_set", null), ticket().build())).isTrue();
    }

    @Test
    void numberDateCheckboxAndMultiSelectCustomFields() {
        TicketFacts facts = ticket()
                .customField("order_total", 1500.5)
                .customField("contract_end", "2026-06-30")
                .customField("on_site", true)
                .customField("products", List.of("router"))
                .customField("region", "EMEA")
                .build();

        assertThat(holds(when("customFields.order_total", "greater_than", 1000), facts)).isTrue();
        assertThat(holds(when("customFields.order_total", "less_than", 1000), facts)).isFalse();
        assertThat(holds(when("customFields.order_total", "is", 1500.50), facts)).isTrue();
        assertThat(holds(when("customFields.contract_end", "less_than", "2026-07-01"), facts)).isTrue();
        assertThat(holds(when("customFields.contract_end", "greater_than", "2026-06-30"), facts)).isFalse();
        assertThat(holds(when("customFields.on_site", "is", true), facts)).isTrue();
        assertThat(holds(when("customFields.products", "contains", "router"), facts)).isTrue();
        assertThat(holds(when("customFields.region", "is", "emea"), facts)).isTrue();
        assertThat(holds(when("customFields.serial", "is_not_set", null), facts)).isTrue();
    }

    @Test
    void aCustomFieldValueOfTheWrongKindCountsAsNotSet() {
        TicketFacts facts = ticket().customField("order_total", "lots").customField("contract_end", LocalDate.of(2026, 1, 1))
                .build();

        assertThat(holds(when("customFields.order_total", "is_set", null), facts)).isFalse();
        assertThat(holds(when("customFields.contract_end", "less_than", "2026-02-01"), facts)).isTrue();
    }

    @Test
    void creationTimeBusinessHoursAndStatus() {
        TicketFacts nightly = ticket().createdAt(Instant.parse("2026-03-02T23:30:00Z"), false)
                .status(TicketStatus.PENDING).build();

        assertThat(holds(when("createdWithinBusinessHours", "is", false), nightly)).isTrue();
        assertThat(holds(when("createdAt", "greater_than", "2026-03-02T18:00:00Z"), nightly)).isTrue();
        assertThat(holds(when("createdAt", "less_than", "2026-03-02T18:00:00Z"), nightly)).isFalse();
        assertThat(holds(when("status", "is", "pending"), nightly)).isTrue();
        assertThat(holds(when("status", "in", List.of("NEW", "OPEN")), nightly)).isFalse();
    }

    @Test
    void assignmentAndLanguageAndCategory() {
        TicketFacts facts = ticket().assignedTo(null, "billing").language("de").categoryId("cat-9").build();

        assertThat(holds(when("assignedAgentId", "is_not_set", null), facts)).isTrue();
        assertThat(holds(when("assignedGroupId", "is", "billing"), facts)).isTrue();
        assertThat(holds(when("language", "in", List.of("de", "at")), facts)).isTrue();
        assertThat(holds(when("categoryId", "is_not", "cat-9"), facts)).isFalse();
    }

    @Test
    void aTopLevelAnyMatchesWhenOneConditionHolds() {
        Rule rule = RuleParser.parse("r", new RuleSpec("either", 1, true, List.of("created"), "any",
                List.of(when("channel", "is", "chat"), when("tags", "contains", "vip")),
                List.of(Admin.addTags("fast"))), Admin.VOCABULARY);

        assertThat(rule.test(ticket().channel("email").tags("vip").build()).matched()).isTrue();
        assertThat(rule.test(ticket().channel("email").build()).matched()).isFalse();
    }
}
