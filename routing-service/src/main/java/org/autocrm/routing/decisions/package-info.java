/**
 * Running the routing rules on the ticket stream and the decision log: {@link org.autocrm.routing.decisions.RunningRules}
 * is the rules' {@link org.autocrm.routing.tickets.TicketReaction} (it turns each event into a
 * {@link org.autocrm.routing.rules.TicketChange}, lets the tenant's {@link org.autocrm.routing.rules.RuleSet} decide
 * and sends the commands to ticket-service), and {@link org.autocrm.routing.decisions.DecisionLog} keeps every run.
 * A feature of its own, beside {@code rules}, because it depends on both {@code rules} and {@code tickets} (and
 * {@code tickets} already depends on {@code rules} for the facts): inside {@code rules} it would close a cycle.
 */
package org.autocrm.routing.decisions;
