package org.autocrm.routing.decisions;

import java.time.Instant;
import java.util.List;

/**
 * One run of a tenant's rules on one event of one ticket, as the decision log keeps it: what each rule made of the
 * change, what was sent to ticket-service and what came of it, and what was set aside for an earlier rule.
 *
 * @param sequence  the event's sequence within the ticket: the log's order (newest first)
 * @param trigger   the change as rules name it ({@code created}, {@code tags_changed}, ...)
 * @param causedBy  the rules whose actions led to the change (empty: a person or anything but a rule)
 */
public record RecordedDecision(
        String tenantId,
        String ticketId,
        String eventId,
        String eventType,
        long sequence,
        String trigger,
        List<String> causedBy,
        Instant decidedAt,
        List<RuleRun> rules,
        List<CommandRun> commands,
        List<SetAsideRun> setAside) {

    public RecordedDecision {
        causedBy = List.copyOf(causedBy);
        rules = List.copyOf(rules);
        commands = List.copyOf(commands);
        setAside = List.copyOf(setAside);
    }

    /**
     * What one rule made of the change.
     *
     * @param verdict     {@code matched}, {@code not_matched}, {@code inactive}, {@code not_triggered},
     *                    {@code caused_this_change}, or {@code invalid} for a stored rule that no longer passes the
     *                    checks (it is not run)
     * @param explanation why it did not match (the failed condition), or why it was not run; null when it matched
     */
    public record RuleRun(String ruleId, String ruleName, String verdict, String explanation) {
    }

    /**
     * One command and what ticket-service answered.
     *
     * @param value   the action's value: a group, agent, priority, category, policy or macro id, or a list of tags
     * @param outcome {@code applied}, {@code replayed} (done before with this key), {@code conflict} (409: the
     *                ticket moved on), {@code refused} (another 4xx), or {@code not_sent} (not a ticket-service
     *                command: {@code apply_sla_policy} is routing-service's own)
     * @param status  the HTTP status ticket-service answered; null when not sent
     * @param detail  the refusal's detail, or why it was not sent; null when done
     */
    public record CommandRun(String idempotencyKey, String action, Object value, List<String> ruleIds, String reason,
                             String outcome, Integer status, String detail) {
        public CommandRun {
            ruleIds = List.copyOf(ruleIds);
        }
    }

    /** An action of a matching rule not done because an earlier rule decided the same thing. */
    public record SetAsideRun(String ruleId, String action, Object value, String decidedByRuleId) {
    }
}
