package org.autocrm.ticket.configuration.category.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What an admin sends to add a category (it goes to the end of the list). */
public record CreateCategoryRequest(@NotBlank @Size(max = 100) String name) {
}
