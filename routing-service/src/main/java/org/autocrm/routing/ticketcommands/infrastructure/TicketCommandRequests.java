package org.autocrm.routing.ticketcommands.infrastructure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.autocrm.events.TicketStatus;
import org.autocrm.routing.ticketcommands.TicketCommand;
import org.springframework.http.HttpMethod;

/**
 * Which of ticket-service's endpoints makes a {@link TicketCommand}, with which body: one request, or two for an
 * escalation that also raises the priority (each then with its own idempotency key).
 */
final class TicketCommandRequests {

    /**
     * @param path      a URI template whose {@code {id}} (and {@code {cannedId}}) are filled in encoded
     * @param keySuffix appended to the command's idempotency key, for the second request of one command
     * @param bulk      the answer is the bulk endpoint's per-ticket outcome, not the change itself
     */
    record Call(HttpMethod method, String path, Map<String, String> variables, Map<String, Object> body,
                String keySuffix, boolean bulk) {
    }

    private TicketCommandRequests() {
    }

    static List<Call> of(String ticketId, TicketCommand command) {
        Map<String, String> id = Map.of("id", ticketId);
        // (a pattern switch would say this better; the build targets Java 17)
        if (command instanceof TicketCommand.AssignToAgent assign) {
            return List.of(call(HttpMethod.PUT, "/api/tickets/{id}/assign", id, body("agentId", assign.agentId())));
        }
        if (command instanceof TicketCommand.AssignToGroup assign) {
            return List.of(call(HttpMethod.PUT, "/api/tickets/{id}/assign", id, body("groupId", assign.groupId())));
        }
        if (command instanceof TicketCommand.SetPriority priority) {
            return List.of(call(HttpMethod.PUT, "/api/tickets/{id}", id, body("priority", priority.priority())));
        }
        if (command instanceof TicketCommand.SetCategory category) {
            return List.of(call(HttpMethod.PUT, "/api/tickets/{id}", id, body("categoryId", category.categoryId())));
        }
        if (command instanceof TicketCommand.ChangeTags tags) {
            return tags(ticketId, tags);
        }
        if (command instanceof TicketCommand.ChangeStatus status) {
            return List.of(call(HttpMethod.PUT, "/api/tickets/{id}/status", id,
                    isCategory(status.status()) ? body("status", status.status()) : body("statusLabel", status.status())));
        }
        if (command instanceof TicketCommand.Escalate escalate) {
            return escalation(id, escalate);
        }
        if (command instanceof TicketCommand.ApplyMacro macro) {
            return List.of(new Call(HttpMethod.POST, "/api/tickets/{id}/macros/{cannedId}",
                    Map.of("id", ticketId, "cannedId", macro.cannedResponseId()), null, "", false));
        }
        throw new IllegalArgumentException("no ticket-service request for " + command);
    }

    /** Tags are added and removed (not replaced) only by the bulk change, here for one ticket. */
    private static List<Call> tags(String ticketId, TicketCommand.ChangeTags tags) {
        if (tags.add().isEmpty() && tags.remove().isEmpty()) {
            return List.of();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ticketIds", List.of(ticketId));
        if (!tags.add().isEmpty()) {
            body.put("addTags", tags.add());
        }
        if (!tags.remove().isEmpty()) {
            body.put("removeTags", tags.remove());
        }
        return List.of(new Call(HttpMethod.POST, "/api/tickets/bulk", Map.of(), body, "", true));
    }

    private static List<Call> escalation(Map<String, String> id, TicketCommand.Escalate escalate) {
        List<Call> calls = new ArrayList<>();
        if (escalate.groupId() != null) {
            String reason = escalate.note() == null || escalate.note().isBlank() ? "Escalated by routing-service"
                    : escalate.note();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("groupId", escalate.groupId());
            body.put("reason", reason);
            calls.add(call(HttpMethod.POST, "/api/tickets/{id}/escalate", id, body));
        }
        if (escalate.priority() != null) {
            calls.add(new Call(HttpMethod.PUT, "/api/tickets/{id}", id, body("priority", escalate.priority()),
                    calls.isEmpty() ? "" : ":priority", false));
        }
        return calls;
    }

    private static boolean isCategory(String status) {
        return Arrays.stream(TicketStatus.values()).anyMatch(category -> category.name().equals(status));
    }

    private static Call call(HttpMethod method, String path, Map<String, String> variables, Map<String, Object> body) {
        return new Call(method, path, variables, body, "", false);
    }

    private static Map<String, Object> body(String name, Object value) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(name, value);
        return body;
    }
}
