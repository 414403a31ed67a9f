package org.autocrm.query.ticketsearch;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * SearchTickets: which tickets, in which order, from where. Every list is a conjunction; the values
 * of a repeatable filter ({@code statuses}, {@code priorities}) are alternatives, and every tag
 * must be on the ticket. {@code slaStatuses} are values of {@code SlaSummary.Status} (lower case), alternatives. {@code after} is the decoded cursor of the previous page, or null.
 */
public record TicketSearch(
        List<String> statuses,
        List<String> priorities,
        String categoryId,
        List<String> tags,
        String agentId,
        String groupId,
        boolean unassigned,
        String customerId,
        String channel,
        String company,
        String tier,
        Map<String, String> customFields,
        Instant createdFrom,
        Instant createdTo,
        Instant updatedFrom,
        Instant updatedTo,
        String text,
        List<String> slaStatuses,
        TicketSort sort,
        TicketCursor after,
        int size) {

    public TicketSearch {
        statuses = List.copyOf(statuses);
        priorities = List.copyOf(priorities);
        tags = List.copyOf(tags);
        slaStatuses = List.copyOf(slaStatuses);
        customFields = Map.copyOf(customFields);
    }

    /** A customer's history: all their tickets, newest first. */
    public static TicketSearch ofCustomer(String customerId, TicketCursor after, int size) {
        return new TicketSearch(List.of(), List.of(), null, List.of(), null, null, false, customerId, null, null, null, Map.of(),
                null, null, null, null, null, List.of(), TicketSort.NEWEST_FIRST, after, size);
    }
}
