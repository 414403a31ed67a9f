package org.autocrm.ticket.configuration.category.web;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/** What an admin sends to rename and/or move a category; at least one of the two. Position 1 is first. */
public record ChangeCategoryRequest(@Size(min = 1, max = 100) String name, @Min(1) Integer position) {
}
