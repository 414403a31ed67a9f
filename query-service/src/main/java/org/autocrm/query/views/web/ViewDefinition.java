package org.autocrm.query.views.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.autocrm.query.ticketsearch.TicketSearch;
import org.autocrm.query.ticketsearch.web.TicketSearchParameters;
import org.autocrm.query.web.InvalidParameter;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Reads and checks what a view is made of, by the very rules of {@code GET /api/tickets}, so a
 * stored view always runs. A bad part is an {@link InvalidParameter} naming it ({@code name},
 * {@code filters.status}, {@code sort}, ...).
 */
final class ViewDefinition {

    static final int MAX_NAME = 100;
    /** Paging and output belong to a run of the view, not to the view. */
    private static final Set<String> NOT_FILTERS = Set.of("sort", "order", "cursor", "size", "format");
    private static final Set<String> RUN_PARAMETERS = Set.of("cursor", "size", "format");

    private ViewDefinition() {
    }

    static String name(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidParameter("name", "must not be empty");
        }
        String stripped = name.strip();
        if (stripped.length() > MAX_NAME) {
            throw new InvalidParameter("name", "may be at most " + MAX_NAME + " characters");
        }
        return stripped;
    }

    static Map<String, List<String>> filters(Map<String, JsonNode> filters) {
        Map<String, List<String>> read = new LinkedHashMap<>();
        if (filters == null) {
            return read;
        }
        filters.forEach((name, value) -> {
            if (NOT_FILTERS.contains(name)) {
                throw new InvalidParameter("filters." + name, "is not a filter; "
                        + (name.equals("sort") || name.equals("order") ? "give it beside the filters" : "it belongs to a run of the view"));
            }
            if (value == null || value.isNull()) {
                return;
            }
            List<String> values = new ArrayList<>();
            if (value.isArray()) {
                value.forEach(item -> values.add(scalar(name, item)));
            } else {
                values.add(scalar(name, value));
            }
            if (!values.isEmpty()) {
                read.put(name, List.copyOf(values));
            }
        });
        return read;
    }

    static String sort(String sort) {
        return sort == null || sort.isBlank() ? "created" : sort.strip().toLowerCase(Locale.ROOT);
    }

    static String order(String order) {
        return order == null || order.isBlank() ? "desc" : order.strip().toLowerCase(Locale.ROOT);
    }

    /** The search a view stands for; fails naming the part that is wrong. */
    static TicketSearch search(Map<String, List<String>> filters, String sort, String order) {
        return run(filters, sort, order, new LinkedMultiValueMap<>());
    }

    /** The search of one run of a view: its definition plus the run's own cursor, size and format. */
    static TicketSearch run(Map<String, List<String>> filters, String sort, String order,
                            MultiValueMap<String, String> runParameters) {
        runParameters.keySet().stream().filter(name -> !RUN_PARAMETERS.contains(name)).findFirst().ifPresent(name -> {
            throw new InvalidParameter(name, "is not a parameter of a view's tickets; change the view's filters instead");
        });
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        filters.forEach(parameters::addAll);
        parameters.add("sort", sort);
        parameters.add("order", order);
        runParameters.forEach(parameters::addAll);
        try {
            return TicketSearchParameters.read(parameters);
        } catch (InvalidParameter e) {
            if (filters.containsKey(e.parameter())) {
                throw new InvalidParameter("filters." + e.parameter(), e.getMessage().substring(e.parameter().length() + 1));
            }
            throw e;
        }
    }

    private static String scalar(String name, JsonNode value) {
        if (!value.isValueNode() || value.isNull()) {
            throw new InvalidParameter("filters." + name, "must be a value or a list of values");
        }
        return value.asText();
    }
}
