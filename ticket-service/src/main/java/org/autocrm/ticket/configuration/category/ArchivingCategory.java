package org.autocrm.ticket.configuration.category;

import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Handles {@link ArchiveCategory}: archives one category and moves the ones after it up a place,
 * each move its own event, all in one transaction.
 */
@Component
public class ArchivingCategory {

    private final Repository<Category> categories;
    private final CategoryList list;

    public ArchivingCategory(@Qualifier("categoryRepository") Repository<Category> categories, CategoryList list) {
        this.categories = categories;
        this.list = list;
    }

    @CommandHandler
    public void handle(ArchiveCategory command) throws Exception {
        List<String> order = list.lockedOrder(command.tenantId());
        TenantCategories.load(categories, command.categoryId(), command.tenantId()).execute(c -> c.archive(command.by()));
        int remaining = order.size() - 1;
        for (CategoryOrder.Placement placement : CategoryOrder.othersWhenLeaving(order, command.categoryId())) {
            TenantCategories.load(categories, placement.categoryId(), command.tenantId())
                    .execute(c -> c.moveTo(placement.position(), remaining, command.by()));
        }
    }
}
