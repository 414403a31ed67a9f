package org.autocrm.routing.decisions;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.autocrm.routing.rules.Command;
import org.autocrm.routing.rules.ConditionCheck;
import org.autocrm.routing.rules.Decision;
import org.autocrm.routing.rules.InvalidRule;
import org.autocrm.routing.rules.Rule;
import org.autocrm.routing.rules.RuleOutcome;
import org.autocrm.routing.rules.RuleSet;
import org.autocrm.routing.rules.RuleStore;
import org.autocrm.routing.rules.RuleVocabulary;
import org.autocrm.routing.rules.StoredRule;
import org.autocrm.routing.rules.TenantVocabularies;
import org.autocrm.routing.rules.TicketChange;
import org.autocrm.routing.ticketcommands.CommandOutcome;
import org.autocrm.routing.ticketcommands.TicketCommand;
import org.autocrm.routing.ticketcommands.TicketCommands;
import org.autocrm.routing.ticketcommands.TicketServiceUnavailable;
import org.autocrm.routing.tickets.TicketReaction;
import org.autocrm.routing.tickets.TicketSnapshot;
import org.autocrm.routing.tickets.TicketStreamEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The routing rules on the ticket stream, first of the reactions ({@code @Order(100)}): each event rules run on
 * ({@link TicketChanges}) goes through the tenant's rules ({@link RuleSet#evaluate}) with the ticket as it is after
 * the event, each resulting command goes to ticket-service with the reason {@code rule:<id>} (after the chain of
 * rules that caused the change: {@code rule:a,rule:b}) and the idempotency key {@code <eventId>:<action>}, and the
 * run is kept in the {@link DecisionLog}.
 *
 * <ul>
 *   <li>A run already kept for the event (a redelivery) is not repeated: its commands were sent.</li>
 *   <li>A 409 ({@code conflict}: the ticket moved on) or another refusal is kept with its detail and not retried.</li>
 *   <li>ticket-service not reachable ({@link TicketServiceUnavailable}) is thrown on, nothing is kept, and the event
 *       comes again: every command is sent again with its key, so those that went through are replayed, not redone.
 *   </li>
 *   <li>Runs in which no rule was tried (none names the change, or all are inactive) are not kept.</li>
 * </ul>
 */
@Component
@Order(100)
public class RunningRules implements TicketReaction {

    private static final Logger log = LoggerFactory.getLogger(RunningRules.class);

    private final RuleStore rules;
    private final TenantVocabularies vocabularies;
    private final DecisionLog decisions;
    private final ObjectProvider<TicketCommands> commands;
    private final Clock clock;

    /**
     * @param commands ticket-service's adapter; taken lazily so this feature starts before that adapter is part of
     *                 the service (without one, a command fails like an unreachable ticket-service)
     */
    public RunningRules(RuleStore rules, TenantVocabularies vocabularies, DecisionLog decisions,
                        ObjectProvider<TicketCommands> commands, Clock clock) {
        this.rules = rules;
        this.vocabularies = vocabularies;
        this.decisions = decisions;
        this.commands = commands;
        this.clock = clock;
    }

    @Override
    public void react(TicketStreamEvent event, TicketSnapshot before, TicketSnapshot after) {
        Optional<TicketChange> change = TicketChanges.of(event);
        if (change.isEmpty() || decisions.hasRun(event.tenantId(), event.eventId())) {
            return;
        }
        List<StoredRule> stored = rules.list(event.tenantId());
        if (stored.isEmpty()) {
            return;
        }
        RuleVocabulary vocabulary = vocabularies.forRunning(event.tenantId());
        List<Rule> runnable = new ArrayList<>();
        List<RecordedDecision.RuleRun> invalid = new ArrayList<>();
        for (StoredRule rule : stored) {
            try {
                runnable.add(rule.rule(vocabulary));
            } catch (InvalidRule e) {
                log.warn("Rule {} of tenant {} no longer passes the checks and is not run: {}", rule.id(),
                        event.tenantId(), e.getMessage());
                invalid.add(new RecordedDecision.RuleRun(rule.id(), rule.spec().name(), "invalid", e.getMessage()));
            }
        }
        Decision decision = new RuleSet(runnable).evaluate(change.get(), after.facts());
        if (invalid.isEmpty() && decision.rules().stream().allMatch(RunningRules::notTried)) {
            return;
        }
        List<RecordedDecision.CommandRun> sent = new ArrayList<>();
        for (Command command : decision.commands()) {
            sent.add(send(event, change.get(), command));
        }
        List<RecordedDecision.RuleRun> ruleRuns = new ArrayList<>(decision.rules().stream()
                .map(RunningRules::ruleRun).toList());
        ruleRuns.addAll(invalid);
        decisions.record(new RecordedDecision(event.tenantId(), event.ticketId(), event.eventId(), event.type(),
                event.sequence(), change.get().trigger().wireName(), change.get().causedBy().ruleIds(),
                clock.instant(), ruleRuns, sent, decision.setAside().stream()
                        .map(aside -> new RecordedDecision.SetAsideRun(aside.ruleId(), aside.action().type(),
                                ActionValues.value(aside.action()), aside.decidedByRuleId())).toList()));
    }

    private RecordedDecision.CommandRun send(TicketStreamEvent event, TicketChange change, Command command) {
        String reason = reason(change, command);
        Optional<TicketCommand> ticketCommand = ActionValues.command(command.action());
        if (ticketCommand.isEmpty()) {
            return run(command, reason, "not_sent", null,
                    "kept by routing-service (its SLA feature), not a ticket-service command");
        }
        TicketCommands ticketService = commands.getIfAvailable();
        if (ticketService == null) {
            throw new TicketServiceUnavailable("routing-service has no ticket-service adapter (TicketCommands)", null);
        }
        CommandOutcome outcome = ticketService.send(event.tenantId(), event.ticketId(), ticketCommand.get(), reason,
                command.idempotencyKey());
        if (!outcome.done()) {
            log.info("Ticket {}: {} for {} was {} ({}): {}", event.ticketId(), command.action().type(), reason,
                    outcome.kind(), outcome.status(), outcome.detail());
        }
        return run(command, reason, outcome.kind().name().toLowerCase(Locale.ROOT), outcome.status(),
                outcome.detail());
    }

    private static RecordedDecision.CommandRun run(Command command, String reason, String outcome, Integer status,
                                                   String detail) {
        return new RecordedDecision.CommandRun(command.idempotencyKey(), command.action().type(),
                ActionValues.value(command.action()), command.ruleIds(), reason, outcome, status, detail);
    }

    /** The chain that led to the change, then the command's own rules: {@code rule:a,rule:b}. */
    static String reason(TicketChange change, Command command) {
        return Stream.concat(change.causedBy().ruleIds().stream(), command.ruleIds().stream()).distinct()
                .map(id -> "rule:" + id).collect(Collectors.joining(","));
    }

    private static boolean notTried(RuleOutcome outcome) {
        return outcome.verdict() == RuleOutcome.Verdict.INACTIVE
                || outcome.verdict() == RuleOutcome.Verdict.NOT_TRIGGERED;
    }

    private static RecordedDecision.RuleRun ruleRun(RuleOutcome outcome) {
        String explanation = outcome.failedCondition().map(ConditionCheck::explain).orElse(null);
        return new RecordedDecision.RuleRun(outcome.ruleId(), outcome.ruleName(),
                outcome.verdict().name().toLowerCase(Locale.ROOT), explanation);
    }
}
