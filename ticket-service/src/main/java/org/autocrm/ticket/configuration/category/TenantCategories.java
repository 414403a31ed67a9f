package org.autocrm.ticket.configuration.category;

import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

/** Loads a category of one tenant; an unknown id and another tenant's id are refused alike. */
final class TenantCategories {

    private TenantCategories() {
    }

    static Aggregate<Category> load(Repository<Category> categories, String categoryId, String tenantId) {
        Aggregate<Category> category;
        try {
            category = categories.load(categoryId);
        } catch (AggregateNotFoundException e) {
            throw Category.notFound(categoryId);
        }
        category.execute(c -> c.requireTenant(tenantId, categoryId));
        return category;
    }
}
