package org.autocrm.routing.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.autocrm.routing.rules.Admin.VOCABULARY;
import static org.autocrm.routing.rules.Admin.assignGroup;
import static org.autocrm.routing.rules.Admin.when;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The problems an admin is told about a rule that cannot be saved, each named by the part at fault. */
class RuleParserTest {

    private static List<String> problems(List<ConditionSpec> conditions) {
        return problems(new RuleSpec("r", 1, true, List.of("created"), "all", conditions, List.of(assignGroup("g"))));
    }

    private static List<String> problems(RuleSpec spec) {
        return RuleParser.problemsOf(spec, VOCABULARY).stream().map(FieldProblem::toString).toList();
    }

    private static List<String> actionProblems(ActionSpec... actions) {
        return problems(new RuleSpec("r", 1, true, List.of("created"), "all", List.of(), Arrays.asList(actions)));
    }

    @Test
    void acceptsAWellFormedRuleAndNormalisesItsValues() {
        Rule rule = RuleParser.parse("r1", new RuleSpec("  Gold e-mail  ", 3, null, List.of("created", "TAGS_CHANGED"),
                null, List.of(when("channel", "is", "Email"), when("priority", "in", List.of("HIGH", "urgent"))),
                List.of(assignGroup(" premium "), new ActionSpec("add_tags", List.of(" Gold ", "gold")))), VOCABULARY);

        assertThat(rule.name()).isEqualTo("Gold e-mail");
        assertThat(rule.active()).isTrue();
        assertThat(rule.triggers()).containsExactlyInAnyOrder(Trigger.CREATED, Trigger.TAGS_CHANGED);
        assertThat(rule.conditions().conditions()).extracting(Condition::describe)
                .containsExactly("channel is \"email\"", "priority in [\"high\", \"urgent\"]");
        assertThat(rule.actions()).containsExactly(new Action.AssignToGroup("premium"),
                new Action.AddTags(List.of("gold")));
    }

    @Test
    void namesAnUnknownFieldByItsPositionAndSuggestsTheIntendedOne() {
        List<String> problems = problems(List.of(when("channel", "is", "email"), when("tags", "contains", "x"),
                when("prioritty", "is", "high"), when("colour", "is", "red")));

        assertThat(problems).containsExactly(
                "conditions[2].field: unknown field \"prioritty\" (did you mean \"priority\"?)",
                "conditions[3].field: unknown field \"colour\"; one of channel, priority, categoryId, tags, language, "
                        + "subject, description, customer.company, customer.tier, createdAt, "
                        + "createdWithinBusinessHours, status, assignedAgentId, assignedGroupId, customFields.<key>");
    }

    @Test
    void refusesAnOperatorThatDoesNotFitTheField() {
        assertThat(problems(List.of(when("priority", "contains", "hi"), when("createdAt", "is", "2026-01-01T00:00:00Z"),
                when("channel", "equals", "email"))))
                .containsExactly(
                        "conditions[0].operator: \"contains\" does not apply to priority (keyword); use one of is, "
                                + "is_not, in, not_in, is_set, is_not_set",
                        "conditions[1].operator: \"is\" does not apply to createdAt (timestamp); use one of "
                                + "greater_than, less_than, is_set, is_not_set",
                        "conditions[2].operator: unknown operator \"equals\"; one of is, is_not, contains, "
                                + "not_contains, in, not_in, greater_than, less_than, is_set, is_not_set");
    }

    @Test
    void refusesAValueOfTheWrongKind() {
        assertThat(problems(List.of(
                when("customFields.order_total", "greater_than", "1000"),
                when("createdWithinBusinessHours", "is", "yes"),
                when("customFields.contract_end", "less_than", "31.12.2026"),
                when("customer.tier", "in", "gold"),
                when("tags", "is_set", "vip"),
                when("subject", "contains", null),
                when("customer.tier", "in", List.of("gold", 7)))))
                .containsExactly(
                        "conditions[0].value: must be a number for customFields.order_total, not \"1000\"",
                        "conditions[1].value: must be true or false for createdWithinBusinessHours, not \"yes\"",
                        "conditions[2].value: must be a date like 2026-03-31 for customFields.contract_end, "
                                + "not \"31.12.2026\"",
                        "conditions[3].value: in takes a non-empty list of text for customer.tier",
                        "conditions[4].value: is_set takes no value",
                        "conditions[5].value: required: text for subject",
                        "conditions[6].value[1]: must be text for customer.tier, not 7");
    }

    @Test
    void checksValuesAgainstTheTenantsVocabulary() {
        assertThat(problems(List.of(when("channel", "is", "fax"), when("priority", "is", "urgentt"),
                when("status", "is", "waiting"), when("customFields.region", "is", "LATAM"))))
                .containsExactly(
                        "conditions[0].value: \"fax\" is not a channel; one of api, chat, email, phone, portal",
                        "conditions[1].value: \"urgentt\" is not a priority; one of low, normal, high, urgent",
                        "conditions[2].value: \"waiting\" is not a status; one of NEW, OPEN, IN_PROGRESS, PENDING, "
                                + "ON_HOLD, RESOLVED, CLOSED",
                        "conditions[3].value: \"LATAM\" is not a option of region; one of EMEA, APAC");
    }

    @Test
    void acceptsAnyValueWhereTheVocabularyIsNotKnown() {
        RuleSpec spec = new RuleSpec("r", 1, true, List.of("created"), "all",
                List.of(when("channel", "is", "fax"), when("priority", "is", "P1")),
                List.of(new ActionSpec("set_priority", "P0")));

        assertThat(RuleParser.problemsOf(spec, RuleVocabulary.unknown())).isEmpty();
    }

    @Test
    void customFieldsMustBeDefined() {
        assertThat(problems(List.of(when("customFields.ordr_total", "is", 1), when("customFields.", "is", 1))))
                .containsExactly(
                        "conditions[0].field: unknown custom field \"ordr_total\" (did you mean \"order_total\"?)",
                        "conditions[1].field: unknown custom field \"\"; one of contract_end, on_site, order_total, "
                                + "products, region, serial");
    }

    @Test
    void groupsNestOneLevelAndAreEitherATestOrAGroup() {
        ConditionSpec tooDeep = ConditionSpec.any(when("channel", "is", "email"),
                ConditionSpec.all(when("tags", "contains", "vip")));
        ConditionSpec both = new ConditionSpec("channel", "is", "email", "any", List.of(when("tags", "is_set", null)));
        ConditionSpec badGroup = new ConditionSpec(null, null, null, "either", List.of());

        assertThat(problems(List.of(tooDeep, both, badGroup))).containsExactly(
                "conditions[0].conditions[1]: groups nest one level deep: a group inside a group may hold field "
                        + "tests only",
                "conditions[1]: a condition is either a field test (field, operator, value) or a group (match, "
                        + "conditions), not both",
                "conditions[2].match: must be all or any, not \"either\"",
                "conditions[2].conditions: a group needs at least one condition");
    }

    @Test
    void namesProblemsInsideAGroupByTheirFullPath() {
        assertThat(problems(List.of(when("channel", "is", "email"),
                ConditionSpec.any(when("customer.tier", "is", "gold"), when("tagz", "contains", "vip")))))
                .containsExactly("conditions[1].conditions[1].field: unknown field \"tagz\" (did you mean \"tags\"?)");
    }

    @Test
    void refusesMalformedActions() {
        assertThat(actionProblems(
                new ActionSpec("asign_group", "g"),
                new ActionSpec("assign_team", "g"),
                new ActionSpec("assign_group", ""),
                new ActionSpec("set_priority", "critical"),
                new ActionSpec("add_tags", List.of()),
                new ActionSpec("remove_tags", List.of("ok", " ")),
                new ActionSpec("apply_sla_policy", 12),
                new ActionSpec(null, "x")))
                .containsExactly(
                        "actions[0].type: unknown action \"asign_group\" (did you mean \"assign_group\"?)",
                        "actions[1].type: unknown action \"assign_team\"; one of assign_group, assign_agent, "
                                + "set_priority, add_tags, remove_tags, set_category, apply_sla_policy, run_macro",
                        "actions[2].value: required: the group's id",
                        "actions[3].value: \"critical\" is not a priority; one of low, normal, high, urgent",
                        "actions[4].value: required: a non-empty list of tags",
                        "actions[5].value[1]: must be a tag (non-blank text)",
                        "actions[6].value: required: the SLA policy's id",
                        "actions[7].type: required: one of assign_group, assign_agent, set_priority, add_tags, "
                                + "remove_tags, set_category, apply_sla_policy, run_macro");
    }

    @Test
    void reportsEveryProblemOfTheRuleAtOnce() {
        RuleSpec spec = new RuleSpec(" ", -1, true, List.of("created", "priority_change"), "some",
                List.of(when("prioritty", "is", "high")), List.of());

        assertThatThrownBy(() -> RuleParser.parse("r", spec, VOCABULARY))
                .isInstanceOfSatisfying(InvalidRule.class, invalid -> assertThat(invalid.problems())
                        .extracting(FieldProblem::field)
                        .containsExactly("name", "position", "triggers[1]", "match", "conditions[0].field", "actions"));
        assertThat(problems(spec)).contains(
                "triggers[1]: unknown trigger \"priority_change\" (did you mean \"priority_changed\"?)",
                "actions: a rule needs at least one action");
    }

    @Test
    void aRuleNeedsATriggerAndAnAnyNeedsAConditionToMatch() {
        RuleSpec spec = new RuleSpec("r", 1, true, List.of(), "any", List.of(), List.of(assignGroup("g")));

        assertThat(problems(spec)).containsExactly(
                "triggers: name at least one of created, status_changed, priority_changed, category_changed, "
                        + "tags_changed, custom_field_changed, assignment_changed, customer_replied, agent_replied",
                "conditions: with match any, give at least one condition");
    }

    @Test
    void theRefusalCarriesAStableCodeAndEveryProblemInItsMessage() {
        InvalidRule invalid = new InvalidRule(List.of(new FieldProblem("conditions[2].field", "unknown field")));

        assertThat(invalid).hasMessage("conditions[2].field: unknown field");
        assertThat(InvalidRule.CODE).isEqualTo("RULE_INVALID");
    }
}
