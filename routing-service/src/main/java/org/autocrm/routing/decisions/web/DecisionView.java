package org.autocrm.routing.decisions.web;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.autocrm.routing.decisions.RecordedDecision;
import org.springframework.lang.Nullable;

/** One run of the rules on one event of the ticket. */
@Schema(name = "RoutingDecision")
record DecisionView(
        String ticketId,
        @Schema(description = "The id of the event the rules ran on") String eventId,
        @Schema(description = "Its type, e.g. autocrm.ticket.created.v1") String eventType,
        @Schema(description = "Its sequence within the ticket") long sequence,
        @Schema(allowableValues = {"created", "status_changed", "priority_changed", "category_changed",
                "tags_changed", "custom_field_changed", "assignment_changed", "customer_replied", "agent_replied"})
        String trigger,
        @ArraySchema(arraySchema = @Schema(description = "The rules whose actions led to this change, oldest first; "
                + "empty when a person (or anything but a rule) made it"))
        List<String> causedBy,
        Instant decidedAt,
        @ArraySchema(arraySchema = @Schema(description = "Every rule, in the order they ran")) List<RuleRun> rules,
        @ArraySchema(arraySchema = @Schema(description = "What was sent to ticket-service, in order"))
        List<CommandRun> commands,
        @ArraySchema(arraySchema = @Schema(description = "Actions of matching rules not done because an earlier "
                + "rule decided the same thing")) List<SetAsideRun> setAside) {

    static DecisionView of(RecordedDecision decision) {
        return new DecisionView(decision.ticketId(), decision.eventId(), decision.eventType(), decision.sequence(),
                decision.trigger(), decision.causedBy(), decision.decidedAt(),
                decision.rules().stream().map(r -> new RuleRun(r.ruleId(), r.ruleName(), r.verdict(),
                        r.explanation())).toList(),
                decision.commands().stream().map(c -> new CommandRun(c.idempotencyKey(), c.action(), c.value(),
                        c.ruleIds(), c.reason(), c.outcome(), c.status(), c.detail())).toList(),
                decision.setAside().stream().map(s -> new SetAsideRun(s.ruleId(), s.action(), s.value(),
                        s.decidedByRuleId())).toList());
    }

    @Schema(name = "RoutingDecisionRule")
    record RuleRun(
            String ruleId,
            String ruleName,
            @Schema(allowableValues = {"matched", "not_matched", "inactive", "not_triggered", "caused_this_change",
                    "invalid"}) String verdict,
            @Nullable @Schema(description = "Why it did not match (the failed condition) or was not run; null when "
                    + "it matched or did not run on this change") String explanation) {
    }

    @Schema(name = "RoutingDecisionCommand")
    record CommandRun(
            @Schema(description = "<eventId>:<action>, sent as Idempotency-Key") String idempotencyKey,
            @Schema(description = "The action's type, e.g. assign_group, add_tags") String action,
            @Schema(description = "A group, agent, priority, category, policy or macro id, or a list of tags",
                    oneOf = {String.class, String[].class}) Object value,
            List<String> ruleIds,
            @Schema(description = "Sent as AutoCRM-Reason: the rules that led to the change, then this one's")
            String reason,
            @Schema(allowableValues = {"applied", "replayed", "conflict", "refused", "not_sent"}) String outcome,
            @Nullable @Schema(description = "ticket-service's HTTP status; null when not sent") Integer status,
            @Nullable @Schema(description = "The refusal's detail, or why it was not sent; null when done")
            String detail) {
    }

    @Schema(name = "RoutingDecisionSetAside")
    record SetAsideRun(String ruleId, String action,
                       @Schema(oneOf = {String.class, String[].class}) Object value, String decidedByRuleId) {
    }
}
