package org.autocrm.ticket.configuration.customfield.web;

import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What an admin sends to change a custom field; absent parts stay as they are. {@code key} and
 * {@code type} never change and are accepted only when they are the current ones.
 */
public record ChangeCustomFieldRequest(
        String key,
        String type,
        @Size(min = 1, max = 100) String label,
        List<String> options,
        Boolean required,
        Boolean visibleToCustomers) {
}
