package org.autocrm.ticket.configuration.customfield;

import java.util.List;
import org.autocrm.events.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Change a custom field definition; null leaves a part as it is. Key and type never change: when
 * given they must be the current ones.
 */
public record ChangeCustomField(@TargetAggregateIdentifier String fieldId, String tenantId, String key, String type,
                                String label, List<String> options, Boolean required, Boolean visibleToCustomers,
                                Actor by) {
}
