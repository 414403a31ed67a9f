package org.autocrm.ticket.configuration.customfield;

import java.util.List;
import org.autocrm.events.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Define a custom ticket field; {@code type} is its wire name (text, number, date, dropdown, multi_select, checkbox). */
public record DefineCustomField(@TargetAggregateIdentifier String fieldId, String tenantId, String key, String label,
                                String type, List<String> options, boolean required, boolean visibleToCustomers,
                                Actor by) {
}
