package org.autocrm.ticket.configuration.customfield;

import jakarta.annotation.Nullable;
import java.util.List;

/** A custom field definition as clients see it; {@code type} is its wire name (e.g. multi_select). */
public record CustomFieldView(String fieldId, String key, String label, String type,
                              @Nullable List<String> options,
                              boolean required, boolean visibleToCustomers, boolean retired) {
}
