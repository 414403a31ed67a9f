/**
 * Routing rules: what an admin writes ({@link org.autocrm.routing.rules.RuleSpec}), how it is checked and turned into
 * a {@link org.autocrm.routing.rules.Rule} ({@link org.autocrm.routing.rules.RuleParser}), and how a
 * {@link org.autocrm.routing.rules.RuleSet} decides what happens to a ticket on one change
 * ({@link org.autocrm.routing.rules.Decision}). Plain Java: no web, messaging or storage.
 */
package org.autocrm.routing.rules;
