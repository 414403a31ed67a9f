package org.autocrm.ticket.configuration.category.web;

import java.util.List;
import org.autocrm.ticket.configuration.category.CategoryView;

/** The tenant's categories: active ones in list order, then archived ones if asked for. */
public record CategoriesResponse(List<CategoryView> categories) {
}
