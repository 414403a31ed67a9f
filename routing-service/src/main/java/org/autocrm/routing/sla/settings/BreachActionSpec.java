package org.autocrm.routing.sla.settings;

/**
 * What a breach does, as written: {@code escalate} ({@code groupId}), {@code raise_priority} ({@code priority}) or
 * {@code notify_team_lead} ({@code userId}).
 */
public record BreachActionSpec(String type, String groupId, String priority, String userId) {
}
