package org.autocrm.routing.sla.policy;

/** A target as given: {@code minutes} and {@code basis} ({@code business} or {@code calendar}). */
public record TargetDefinition(Integer minutes, String basis) {
}
