package org.autocrm.query.ticketsearch.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import org.autocrm.query.sla.SlaSummary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.autocrm.events.TicketStatus;
import org.autocrm.query.ticketsearch.TicketCursor;
import org.autocrm.query.ticketsearch.TicketSearch;
import org.autocrm.query.ticketsearch.TicketSort;
import org.autocrm.query.web.InvalidParameter;
import org.springframework.util.MultiValueMap;

/**
 * Reads the query parameters of {@code GET /api/tickets} into a {@link TicketSearch}. A parameter
 * that is unknown, repeated where it may not be, or has a bad value is an
 * {@link InvalidParameter} naming it.
 */
public final class TicketSearchParameters {

    static final int DEFAULT_SIZE = 25;
    static final int MAX_SIZE = 100;
    private static final String CUSTOM_FIELD = "cf.";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    private static final Set<String> REPEATABLE = Set.of("status", "priority", "tag", "tags", "slaStatus");
    private static final Set<String> SINGLE = Set.of("categoryId", "agentId", "groupId", "unassigned", "customerId",
            "channel", "company", "tier", "format", "createdFrom", "createdTo", "updatedFrom", "updatedTo", "q", "sort", "order", "cursor", "size");
    private static final List<String> SLA_STATUSES = Arrays.stream(SlaSummary.Status.values())
            .map(SlaSummary.Status::value).toList();
    /** Tenants may define their own priorities, named in upper snake case like ticket-service requires. */
    private static final Pattern PRIORITY = Pattern.compile("[A-Z][A-Z0-9_]{0,49}");

    private TicketSearchParameters() {
    }

    public static TicketSearch read(MultiValueMap<String, String> parameters) {
        Map<String, String> customFields = new LinkedHashMap<>();
        parameters.forEach((name, values) -> {
            if (name.startsWith(CUSTOM_FIELD)) {
                String key = name.substring(CUSTOM_FIELD.length());
                if (!KEY.matcher(key).matches()) {
                    throw new InvalidParameter(name, "a custom field key is 1-100 letters, digits, '_' or '-'");
                }
                customFields.put(key, single(parameters, name));
            } else if (!REPEATABLE.contains(name) && !SINGLE.contains(name)) {
                throw new InvalidParameter(name, "is not a parameter of this list");
            }
        });
        List<String> statuses = upperCase(parameters, "status");
        statuses.forEach(status -> {
            try {
                TicketStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw new InvalidParameter("status", "must be one of " + List.of(TicketStatus.values()));
            }
        });
        List<String> priorities = upperCase(parameters, "priority");
        priorities.forEach(priority -> {
            if (!PRIORITY.matcher(priority).matches()) {
                throw new InvalidParameter("priority", "must be a priority name such as LOW, MEDIUM, HIGH or URGENT");
            }
        });
        List<String> tags = new ArrayList<>();
        parameters.getOrDefault("tag", List.of()).forEach(value -> splitInto(tags, value));
        parameters.getOrDefault("tags", List.of()).forEach(value -> splitInto(tags, value));
        List<String> slaStatuses = new ArrayList<>();
        parameters.getOrDefault("slaStatus", List.of()).forEach(value -> splitInto(slaStatuses, value));
        slaStatuses.replaceAll(status -> status.toLowerCase(java.util.Locale.ROOT));
        slaStatuses.forEach(status -> {
            if (!SLA_STATUSES.contains(status)) {
                throw new InvalidParameter("slaStatus", "must be one of " + SLA_STATUSES);
            }
        });
        TicketSort sort = sort(parameters);
        TicketCursor after = cursor(parameters, sort);
        String text = single(parameters, "q");
        return new TicketSearch(statuses, priorities, single(parameters, "categoryId"), tags,
                single(parameters, "agentId"), single(parameters, "groupId"), unassigned(parameters),
                single(parameters, "customerId"), single(parameters, "channel"), single(parameters, "company"),
                single(parameters, "tier"), customFields,
                instant(parameters, "createdFrom"), instant(parameters, "createdTo"),
                instant(parameters, "updatedFrom"), instant(parameters, "updatedTo"),
                text == null || text.isBlank() ? null : text.strip(), slaStatuses, sort, after, size(parameters));
    }

    public static TicketCursor cursor(MultiValueMap<String, String> parameters, TicketSort sort) {
        String cursor = single(parameters, "cursor");
        try {
            return cursor == null ? null : TicketCursor.decode(cursor, sort);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameter("cursor", e.getMessage());
        }
    }

    public static int size(MultiValueMap<String, String> parameters) {
        String size = single(parameters, "size");
        if (size == null) {
            return DEFAULT_SIZE;
        }
        try {
            int value = Integer.parseInt(size);
            if (value >= 1 && value <= MAX_SIZE) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidParameter("size", "must be a whole number from 1 to " + MAX_SIZE);
    }

    private static TicketSort sort(MultiValueMap<String, String> parameters) {
        String sort = single(parameters, "sort");
        TicketSort.Field field = sort == null ? TicketSort.Field.CREATED : TicketSort.Field.named(sort)
                .orElseThrow(() -> new InvalidParameter("sort", "must be one of created, updated, priority, sla"));
        String order = single(parameters, "order");
        if (order == null) {
            return new TicketSort(field, field.ascendingByDefault());
        }
        return switch (order.toLowerCase(java.util.Locale.ROOT)) {
            case "asc" -> new TicketSort(field, true);
            case "desc" -> new TicketSort(field, false);
            default -> throw new InvalidParameter("order", "must be asc or desc");
        };
    }

    private static boolean unassigned(MultiValueMap<String, String> parameters) {
        String value = single(parameters, "unassigned");
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new InvalidParameter("unassigned", "must be true or false");
    }

    /** The dates the index can hold: four-digit years (a later one makes Elasticsearch fail the whole search). */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    private static Instant instant(MultiValueMap<String, String> parameters, String name) {
        String value = single(parameters, name);
        Instant instant;
        try {
            instant = value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidParameter(name, "must be an ISO-8601 instant such as 2026-11-22T09:00:00Z");
        }
        if (instant != null && (instant.isBefore(EARLIEST) || instant.isAfter(LATEST))) {
            throw new InvalidParameter(name, "must lie between the years 1 and 9999, not " + value);
        }
        return instant;
    }

    private static List<String> upperCase(MultiValueMap<String, String> parameters, String name) {
        List<String> values = new ArrayList<>();
        parameters.getOrDefault(name, List.of()).forEach(value -> splitInto(values, value));
        return values.stream().map(v -> v.toUpperCase(java.util.Locale.ROOT)).toList();
    }

    private static void splitInto(List<String> values, String value) {
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                values.add(part.strip());
            }
        }
    }

    private static String single(MultiValueMap<String, String> parameters, String name) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new InvalidParameter(name, "may be given once");
        }
        String value = values.get(0);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
