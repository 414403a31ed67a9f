package org.autocrm.ticket.configuration.category;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.autocrm.events.Actor;
import org.autocrm.events.CategoryArchived;
import org.autocrm.events.CategoryCreated;
import org.autocrm.events.CategoryMoved;
import org.autocrm.events.CategoryRenamed;
import org.autocrm.ticket.configuration.ConfigurationRule;
import org.autocrm.ticket.configuration.UniqueNames;
import org.autocrm.ticket.refusal.Refused;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One ticket category of a tenant (Billing, Membership, ...). Its name is unique in the tenant;
 * active categories have a place in the tenant's list; an archived one stays on the tickets that
 * have it but can no longer be chosen, moved or archived again.
 *
 * <p>Renames, moves and archiving are driven by {@link ChangingCategory} and
 * {@link ArchivingCategory}, which also shift the other categories of the list.
 */
@Aggregate
public class Category {

    static final int NAME_MAX_LENGTH = 100;

    @AggregateIdentifier
    private String categoryId;
    private String tenantId;
    private String name;
    private int position;
    private boolean archived;

    protected Category() {
        // for Axon to rebuild the category from its events
    }

    @CommandHandler
    public Category(CreateCategory command, UniqueNames names, CategoryList list) {
        String name = validName(command.name());
        int position = list.lockedOrder(command.tenantId()).size() + 1;
        claim(names, command.tenantId(), command.categoryId(), name);
        apply(new CategoryCreated(command.categoryId(), command.tenantId(), name, position, command.by(),
                GenericEventMessage.clock.instant()));
    }

    /** Refuses, as if it did not exist, a category of another tenant. */
    void requireTenant(String tenantId, String requestedId) {
        if (!tenantId.equals(this.tenantId)) {
            throw notFound(requestedId);
        }
    }

    void rename(String newName, UniqueNames names, Actor by) {
        String valid = validName(newName);
        if (valid.equals(name)) {
            return;
        }
        claim(names, tenantId, categoryId, valid);
        apply(new CategoryRenamed(categoryId, tenantId, valid, by, GenericEventMessage.clock.instant()));
    }

    /** Moves to {@code newPosition} among {@code activeCount} active categories (1 = first). */
    void moveTo(int newPosition, int activeCount, Actor by) {
        if (archived) {
            throw new Refused(ConfigurationRule.CATEGORY_ARCHIVED,
                    "Category '" + name + "' is archived and has no place in the list");
        }
        if (newPosition < 1 || newPosition > activeCount) {
            throw new Refused(ConfigurationRule.CATEGORY_POSITION_OUT_OF_RANGE,
                    "position must be between 1 and " + activeCount + ", the number of active categories");
        }
        if (newPosition != position) {
            apply(new CategoryMoved(categoryId, tenantId, newPosition, by, GenericEventMessage.clock.instant()));
        }
    }

    void archive(Actor by) {
        if (archived) {
            throw new Refused(ConfigurationRule.CATEGORY_ALREADY_ARCHIVED,
                    "Category '" + name + "' is already archived");
        }
        apply(new CategoryArchived(categoryId, tenantId, by, GenericEventMessage.clock.instant()));
    }

    static Refused notFound(String categoryId) {
        return new Refused(ConfigurationRule.CATEGORY_NOT_FOUND,
                "There is no category " + categoryId);
    }

    private static String validName(String name) {
        String normalised = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        if (normalised.isEmpty() || normalised.length() > NAME_MAX_LENGTH) {
            throw new Refused(ConfigurationRule.CATEGORY_NAME_INVALID,
                    "name must be 1 to " + NAME_MAX_LENGTH + " characters");
        }
        return normalised;
    }

    private static void claim(UniqueNames names, String tenantId, String categoryId, String name) {
        if (!names.claim(tenantId, UniqueNames.Kind.CATEGORY, name, categoryId)) {
            throw new Refused(ConfigurationRule.CATEGORY_NAME_TAKEN,
                    "name '" + name + "' is already used by another category (archived ones included)");
        }
    }

    @EventSourcingHandler
    void on(CategoryCreated event) {
        categoryId = event.categoryId();
        tenantId = event.tenantId();
        name = event.name();
        position = event.position();
    }

    @EventSourcingHandler
    void on(CategoryRenamed event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(CategoryMoved event) {
        position = event.position();
    }

    @EventSourcingHandler
    void on(CategoryArchived event) {
        archived = true;
        position = 0;
    }
}
