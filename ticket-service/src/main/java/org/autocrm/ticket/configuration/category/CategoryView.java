package org.autocrm.ticket.configuration.category;

import jakarta.annotation.Nullable;

/**
 * A category as clients see it.
 *
 * @param position its place among active categories (1 = first), null once archived
 */
public record CategoryView(String categoryId, String name, @Nullable Integer position, boolean archived) {
}
