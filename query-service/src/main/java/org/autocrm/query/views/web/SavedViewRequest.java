package org.autocrm.query.views.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * CreateView / ChangeView: a name (1-100 characters), filters named like the parameters of
 * {@code GET /api/tickets} (a value or a list of values each), a sort ({@code created},
 * {@code updated} or {@code priority}), an order ({@code asc} or {@code desc}) and whether it is shared.
 */
record SavedViewRequest(String name, Map<String, JsonNode> filters, String sort, String order, Boolean shared) {
}
