package org.autocrm.ticket.ticket;

import java.util.List;
import java.util.Objects;
import org.autocrm.events.TicketStatus;
import org.autocrm.ticket.refusal.Refused;

/** The rules of a ticket's fields that depend on the tenant's configuration: priority, category, status label, tags. */
final class TicketFields {

    private TicketFields() {
    }

    static void requireKnownPriority(String tenant, String priority, TicketConfiguration configuration) {
        List<String> priorities = configuration.priorities(tenant);
        if (priority == null || !priorities.contains(priority)) {
            throw new Refused(TicketRule.UNKNOWN_PRIORITY,
                    "priority must be one of " + priorities + ", not '" + priority + "'");
        }
    }

    static void requireSelectableCategory(String tenant, String category, TicketConfiguration configuration) {
        switch (configuration.category(tenant, category)) {
            case ACTIVE -> { }
            case ARCHIVED -> throw new Refused(TicketRule.ARCHIVED_CATEGORY,
                    "categoryId '" + category + "' is archived and can no longer be chosen");
            case UNKNOWN -> throw new Refused(TicketRule.UNKNOWN_CATEGORY,
                    "categoryId '" + category + "' is not a category of this organisation");
        }
    }

    /** The status a change asks for: the fixed status, or the one the tenant's label means (then both must agree). */
    static TicketStatus requestedStatus(String tenant, TicketStatus requested, String label,
                                        TicketConfiguration configuration) {
        TicketStatus target = requested;
        if (label != null) {
            target = configuration.statusOfLabel(tenant, label).orElseThrow(() -> new Refused(
                    TicketRule.UNKNOWN_STATUS_LABEL, "statusLabel '" + label + "' is not a status of this organisation"));
            if (requested != null && requested != target) {
                throw new Refused(TicketRule.UNKNOWN_STATUS_LABEL,
                        "statusLabel '" + label + "' means " + target + ", not " + requested);
            }
        }
        if (target == null) {
            throw new Refused(TicketRule.ILLEGAL_TRANSITION, "status or statusLabel is required");
        }
        return target;
    }

    /** Tags trimmed, lower-cased, without blanks and repeats, in the order given. */
    static List<String> normalisedTags(List<String> tags) {
        return tags == null ? List.of() : tags.stream().filter(Objects::nonNull).map(String::strip)
                .filter(tag -> !tag.isEmpty()).map(String::toLowerCase).distinct().toList();
    }
}
