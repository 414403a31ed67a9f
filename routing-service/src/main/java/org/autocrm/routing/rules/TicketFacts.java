package org.autocrm.routing.rules;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.autocrm.events.TicketStatus;

/**
 * What a rule may look at about one ticket at the moment of a change, built from the ticket read model or the event
 * stream. Absent values are {@code null} (or empty for tags and custom fields).
 *
 * @param customFields custom field values by key, as they travel in the ticket events: a {@link String} (text,
 *                     dropdown, and a date as {@code 2026-03-31}), a {@link Number}, a {@link Boolean} (checkbox), a
 *                     {@link java.time.LocalDate}, or a {@link java.util.List} of strings (multi select)
 * @param createdWithinBusinessHours whether the ticket was opened inside the tenant's business hours; decided by
 *                     the business calendar outside this package, so rules need no calendar of their own
 */
public record TicketFacts(
        String ticketId,
        String channel,
        String priority,
        String categoryId,
        Set<String> tags,
        Map<String, Object> customFields,
        String language,
        String subject,
        String description,
        String customerCompany,
        String customerTier,
        Instant createdAt,
        boolean createdWithinBusinessHours,
        TicketStatus status,
        String assignedAgentId,
        String assignedGroupId) {

    public TicketFacts {
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        // a null value means "not set": drop it rather than refuse it (Map.copyOf does not take nulls)
        Map<String, Object> present = new LinkedHashMap<>();
        if (customFields != null) {
            customFields.forEach((key, value) -> {
                if (value != null) {
                    present.put(key, value);
                }
            });
        }
        customFields = Map.copyOf(present);
    }

    public static Builder builder(String ticketId) {
        return new Builder(ticketId);
    }

    /** Builds facts field by field; most tickets set only a few of them. */
    public static final class Builder {
        private final String ticketId;
        private String channel;
        private String priority;
        private String categoryId;
        private final Set<String> tags = new LinkedHashSet<>();
        private final Map<String, Object> customFields = new LinkedHashMap<>();
        private String language;
        private String subject;
        private String description;
        private String customerCompany;
        private String customerTier;
        private Instant createdAt;
        private boolean createdWithinBusinessHours;
        private TicketStatus status = TicketStatus.NEW;
        private String assignedAgentId;
        private String assignedGroupId;

        private Builder(String ticketId) {
            this.ticketId = ticketId;
        }

        public Builder channel(String channel) {
            this.channel = channel;
            return this;
        }

        public Builder priority(String priority) {
            this.priority = priority;
            return this;
        }

        public Builder categoryId(String categoryId) {
            this.categoryId = categoryId;
            return this;
        }

        public Builder tags(String... tags) {
            this.tags.addAll(Set.of(tags));
            return this;
        }

        public Builder customField(String key, Object value) {
            this.customFields.put(key, value);
            return this;
        }

        public Builder language(String language) {
            this.language = language;
            return this;
        }

        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder customer(String company, String tier) {
            this.customerCompany = company;
            this.customerTier = tier;
            return this;
        }

        public Builder createdAt(Instant createdAt, boolean withinBusinessHours) {
            this.createdAt = createdAt;
            this.createdWithinBusinessHours = withinBusinessHours;
            return this;
        }

        public Builder status(TicketStatus status) {
            this.status = status;
            return this;
        }

        public Builder assignedTo(String agentId, String groupId) {
            this.assignedAgentId = agentId;
            this.assignedGroupId = groupId;
            return this;
        }

        public TicketFacts build() {
            return new TicketFacts(ticketId, channel, priority, categoryId, tags, customFields, language, subject,
                    description, customerCompany, customerTier, createdAt, createdWithinBusinessHours, status,
                    assignedAgentId, assignedGroupId);
        }
    }
}
