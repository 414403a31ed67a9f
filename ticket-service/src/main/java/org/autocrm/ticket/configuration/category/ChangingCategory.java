package org.autocrm.ticket.configuration.category;

import java.util.List;
import org.autocrm.ticket.configuration.UniqueNames;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Handles {@link ChangeCategory}: renames and/or moves one category and shifts the others, each
 * move its own event on its own category, all in one transaction.
 */
@Component
public class ChangingCategory {

    private final Repository<Category> categories;
    private final CategoryList list;
    private final UniqueNames names;

    public ChangingCategory(@Qualifier("categoryRepository") Repository<Category> categories, CategoryList list,
                            UniqueNames names) {
        this.categories = categories;
        this.list = list;
        this.names = names;
    }

    @CommandHandler
    public void handle(ChangeCategory command) throws Exception {
        List<String> order = command.position() == null ? List.of() : list.lockedOrder(command.tenantId());
        Aggregate<Category> category = TenantCategories.load(categories, command.categoryId(), command.tenantId());
        if (command.name() != null) {
            category.execute(c -> c.rename(command.name(), names, command.by()));
        }
        if (command.position() != null) {
            category.execute(c -> c.moveTo(command.position(), order.size(), command.by()));
            for (CategoryOrder.Placement placement
                    : CategoryOrder.othersWhenMoving(order, command.categoryId(), command.position())) {
                TenantCategories.load(categories, placement.categoryId(), command.tenantId())
                        .execute(c -> c.moveTo(placement.position(), order.size(), command.by()));
            }
        }
    }
}
