package org.autocrm.ticket.configuration.customfield.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What an admin sends to define a custom field. {@code type} is text, number, date, dropdown,
 * multi_select or checkbox; {@code options} are required for dropdown and multi_select and
 * forbidden otherwise. Both flags default to false.
 */
public record DefineCustomFieldRequest(
        @NotBlank @Size(max = 50) String key,
        @NotBlank @Size(max = 100) String label,
        @NotBlank String type,
        List<String> options,
        Boolean required,
        Boolean visibleToCustomers) {
}
