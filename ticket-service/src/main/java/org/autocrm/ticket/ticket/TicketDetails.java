package org.autocrm.ticket.ticket;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.autocrm.events.Actor;
import org.autocrm.events.TicketCategoryChanged;
import org.autocrm.events.TicketCreated;
import org.autocrm.events.TicketCustomFieldChanged;
import org.autocrm.events.TicketDetailsChanged;
import org.autocrm.events.TicketPriorityChanged;
import org.autocrm.events.TicketTagsChanged;
import org.autocrm.ticket.refusal.Refused;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * What a ticket says — subject, description, priority, category, tags and custom fields — and the
 * rules of editing it: a subject is never blank, only a team lead changes the priority, priority,
 * category and custom fields must fit the tenant's configuration ({@link TicketFields},
 * {@link CustomFieldValues}), and a change is recorded only when it changes something. A member of
 * the {@link Ticket} aggregate, which first checks that the ticket may change at all.
 */
class TicketDetails {

    private String ticketId;
    private String tenantId;
    private String subject;
    private String description;
    private String priority;
    private String categoryId;
    private final Set<String> tags = new LinkedHashSet<>();
    private final Map<String, Object> customFields = new LinkedHashMap<>();

    String subject() {
        return subject;
    }

    String priority() {
        return priority;
    }

    Set<String> tags() {
        return Set.copyOf(tags);
    }

    void changeText(String newSubject, String newDescription, Actor by) {
        if (newSubject != null && newSubject.isBlank()) {
            throw new Refused(TicketRule.SUBJECT_REQUIRED, "subject cannot be blank");
        }
        String wantedSubject = newSubject == null ? subject : newSubject.strip();
        String wantedDescription = newDescription == null ? description : RichText.sanitise(newDescription);
        if (!wantedSubject.equals(subject) || !wantedDescription.equals(description)) {
            apply(new TicketDetailsChanged(ticketId, tenantId, wantedSubject, wantedDescription, by, now()));
        }
    }

    void changePriority(String newPriority, TicketConfiguration configuration, Actor by) {
        TicketPermissions.requireLead(by, "change the priority of a ticket");
        TicketFields.requireKnownPriority(tenantId, newPriority, configuration);
        if (!newPriority.equals(priority)) {
            apply(new TicketPriorityChanged(ticketId, tenantId, priority, newPriority, by, now()));
        }
    }

    void changeCategory(String newCategoryId, TicketConfiguration configuration, Actor by) {
        TicketFields.requireSelectableCategory(tenantId, newCategoryId, configuration);
        if (!newCategoryId.equals(categoryId)) {
            apply(new TicketCategoryChanged(ticketId, tenantId, categoryId, newCategoryId, by, now()));
        }
    }

    void changeTags(List<String> newTags, Actor by) {
        List<String> wanted = TicketFields.normalisedTags(newTags);
        List<String> added = wanted.stream().filter(tag -> !tags.contains(tag)).toList();
        List<String> removed = tags.stream().filter(tag -> !wanted.contains(tag)).toList();
        if (!added.isEmpty() || !removed.isEmpty()) {
            apply(new TicketTagsChanged(ticketId, tenantId, added, removed, wanted, by, now()));
        }
    }

    void retag(List<String> add, List<String> remove, Actor by) {
        List<String> removed = TicketFields.normalisedTags(remove);
        List<String> wanted = new ArrayList<>(tags.stream().filter(tag -> !removed.contains(tag)).toList());
        wanted.addAll(TicketFields.normalisedTags(add));
        changeTags(wanted, by);
    }

    void changeCustomField(String key, Object value, TicketConfiguration configuration, Actor by) {
        Object checked = CustomFieldValues.forChange(key, value, configuration.customFields(tenantId), by);
        Object previous = customFields.get(key);
        if (!Objects.equals(previous, checked)) {
            apply(new TicketCustomFieldChanged(ticketId, tenantId, key, previous, checked, by, now()));
        }
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    @EventSourcingHandler
    void on(TicketCreated event) {
        ticketId = event.ticketId();
        tenantId = event.tenantId();
        subject = event.subject();
        description = event.description();
        priority = event.priority();
        categoryId = event.categoryId();
        tags.addAll(event.tags());
        customFields.putAll(event.customFields());
    }

    @EventSourcingHandler
    void on(TicketDetailsChanged event) {
        subject = event.subject();
        description = event.description();
    }

    @EventSourcingHandler
    void on(TicketPriorityChanged event) {
        priority = event.to();
    }

    @EventSourcingHandler
    void on(TicketCategoryChanged event) {
        categoryId = event.to();
    }

    @EventSourcingHandler
    void on(TicketTagsChanged event) {
        tags.clear();
        tags.addAll(event.tags());
    }

    @EventSourcingHandler
    void on(TicketCustomFieldChanged event) {
        if (event.value() == null) {
            customFields.remove(event.key());
        } else {
            customFields.put(event.key(), event.value());
        }
    }
}
