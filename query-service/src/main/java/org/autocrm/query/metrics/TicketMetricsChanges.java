package org.autocrm.query.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.autocrm.access.Role;
import java.util.function.BiConsumer;

/**
 * How the ticket events change a ticket's metrics document. Pure: reads only the fields it needs
 * from the event's {@code data} and writes the document; no Elasticsearch or Kafka here.
 */
final class TicketMetricsChanges {

    static final String CREATED = "autocrm.ticket.created.v1";
    private static final Set<String> DONE = Set.of("RESOLVED", "CLOSED");

    private static final Map<String, BiConsumer<JsonNode, ObjectNode>> CHANGES = Map.of(
            "autocrm.ticket.status_changed.v1", TicketMetricsChanges::statusChanged,
            "autocrm.ticket.priority_changed.v1", (e, d) -> d.set("priority", e.path("to")),
            "autocrm.ticket.category_changed.v1", (e, d) -> d.set("categoryId", e.path("to")),
            "autocrm.ticket.assigned.v1", (e, d) -> {
                // one agent or one group per assignment: the newer one replaces the older one
                d.set("agentId", e.path("agentId").isMissingNode() ? null : e.path("agentId"));
                d.set("groupId", e.path("groupId").isMissingNode() ? null : e.path("groupId"));
            },
            "autocrm.ticket.unassigned.v1", (e, d) -> {
                d.putNull("agentId");
                d.putNull("groupId");
            },
            "autocrm.ticket.message_added.v1", TicketMetricsChanges::messageAdded,
            "autocrm.ticket.satisfaction_rated.v1", TicketMetricsChanges::satisfactionRated);

    private TicketMetricsChanges() {
    }

    /** Whether this projection uses the event type at all (creation included). */
    static boolean knows(String type) {
        return CREATED.equals(type) || CHANGES.containsKey(type);
    }

    /** The metrics document of a newly created ticket. */
    static ObjectNode created(JsonNode event, String tenantId) {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        Instant at = Instant.parse(event.path("at").asText());
        document.put("ticketId", event.path("ticketId").asText());
        document.put("tenantId", tenantId);
        document.put("createdAt", at.toString());
        document.put("createdDay", at.atZone(ZoneOffset.UTC).toLocalDate().toString());
        copy(event, "priority", document);
        copy(event, "categoryId", document);
        copy(event, "channel", document);
        copy(event, "customerId", document);
        copy(event, "status", document);
        document.putNull("agentId");
        document.putNull("groupId");
        document.put("reopenCount", 0);
        return document;
    }

    /** Applies a later event of a known type to the ticket's document. */
    static void apply(String type, JsonNode event, ObjectNode document) {
        CHANGES.get(type).accept(event, document);
    }

    private static void statusChanged(JsonNode event, ObjectNode document) {
        String from = document.path("status").asText(event.path("from").asText());
        String to = event.path("to").asText();
        String at = event.path("at").asText();
        if (DONE.contains(from) && !DONE.contains(to)) {
            document.put("reopenCount", document.path("reopenCount").asInt() + 1);
        }
        if ("RESOLVED".equals(to) && !document.hasNonNull("resolvedAt")) {
            document.put("resolvedAt", at);
            document.put("resolutionSeconds", secondsSinceCreation(document, at));
        }
        if ("CLOSED".equals(to) && !document.hasNonNull("closedAt")) {
            document.put("closedAt", at);
        }
        document.put("status", to);
    }

    /** The first response is the first public message written by staff; customers and notes do not count. */
    private static void messageAdded(JsonNode event, ObjectNode document) {
        boolean isPublic = "public".equals(event.path("visibility").asText());
        boolean byStaff = Role.of(event.path("by").path("role").asText()).filter(Role::isStaff).isPresent();
        if (isPublic && byStaff && !document.hasNonNull("firstResponseAt")) {
            String at = event.path("at").asText();
            document.put("firstResponseAt", at);
            document.put("firstResponseSeconds", secondsSinceCreation(document, at));
        }
    }

    private static void satisfactionRated(JsonNode event, ObjectNode document) {
        String scale = event.path("scale").asText();
        int score = event.path("score").asInt();
        document.put("csatScale", scale);
        document.put("csatScore", score);
        document.put("csatSatisfied", satisfied(scale, score));
        document.put("csatAt", event.path("at").asText());
    }

    /** Satisfied: 4 or 5 of five points, or "good" (1) on the good/bad scale. */
    static boolean satisfied(String scale, int score) {
        return "good_bad".equals(scale) ? score == 1 : score >= 4;
    }

    private static long secondsSinceCreation(ObjectNode document, String at) {
        return Duration.between(Instant.parse(document.path("createdAt").asText()), Instant.parse(at)).toSeconds();
    }

    private static void copy(JsonNode event, String field, ObjectNode document) {
        JsonNode value = event.path(field);
        if (value.isMissingNode()) {
            document.putNull(field);
        } else {
            document.set(field, value);
        }
    }
}
