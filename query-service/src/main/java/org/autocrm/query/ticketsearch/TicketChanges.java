package org.autocrm.query.ticketsearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.function.BiConsumer;

/** How each ticket event after creation changes the ticket document. Reads only the fields it needs. */
final class TicketChanges {

    private static final Map<String, Integer> PRIORITY_RANKS = Map.of("LOW", 1, "MEDIUM", 2, "HIGH", 3, "URGENT", 4);

    private static final Map<String, BiConsumer<JsonNode, ObjectNode>> CHANGES = Map.ofEntries(
            Map.entry("autocrm.ticket.details_changed.v1", (e, d) -> {
                copyIfPresent(e, "subject", d);
                copyIfPresent(e, "description", d);
            }),
            Map.entry("autocrm.ticket.status_changed.v1", (e, d) -> {
                String to = e.path("to").asText();
                d.put("status", to);
                d.set("statusLabel", e.path("statusLabel"));
                if ("RESOLVED".equals(to)) {
                    d.put("resolvedAt", e.path("at").asText());
                }
                if ("CLOSED".equals(to)) {
                    d.put("closedAt", e.path("at").asText());
                }
            }),
            Map.entry("autocrm.ticket.priority_changed.v1", (e, d) -> priority(d, e.path("to").asText())),
            Map.entry("autocrm.ticket.assigned.v1", (e, d) -> {
                d.set("agentId", e.path("agentId"));
                d.set("groupId", e.path("groupId"));
            }),
            Map.entry("autocrm.ticket.unassigned.v1", (e, d) -> {
                d.putNull("agentId");
                d.putNull("groupId");
            }),
            Map.entry("autocrm.ticket.escalated.v1", (e, d) -> d.put("escalationLevel", e.path("level").asInt())),
            Map.entry("autocrm.ticket.message_added.v1", TicketChanges::messageAdded),
            Map.entry("autocrm.ticket.attachment_added.v1", TicketChanges::attachmentAdded),
            Map.entry("autocrm.ticket.category_changed.v1", (e, d) -> d.set("categoryId", e.path("to"))),
            Map.entry("autocrm.ticket.tags_changed.v1", (e, d) -> d.set("tags", e.path("tags"))),
            Map.entry("autocrm.ticket.custom_field_changed.v1", (e, d) -> {
                ObjectNode fields = d.has("customFields") && d.get("customFields").isObject()
                        ? (ObjectNode) d.get("customFields") : d.putObject("customFields");
                if (e.path("value").isNull() || e.path("value").isMissingNode()) {
                    fields.remove(e.path("key").asText());
                } else {
                    fields.set(e.path("key").asText(), e.path("value"));
                }
            }),
            Map.entry("autocrm.ticket.merged.v1", (e, d) -> d.set("mergedInto", e.path("targetTicketId"))),
            Map.entry("autocrm.ticket.merge_received.v1", TicketChanges::mergeReceived),
            Map.entry("autocrm.ticket.linked.v1", (e, d) -> { }),
            Map.entry("autocrm.ticket.satisfaction_rated.v1", (e, d) -> {
                d.put("satisfactionScore", e.path("score").asInt());
                d.put("satisfactionScale", e.path("scale").asText());
            }));

    private TicketChanges() {
    }

    static boolean knows(String type) {
        return CHANGES.containsKey(type);
    }

    static void apply(String type, JsonNode event, ObjectNode document) {
        CHANGES.get(type).accept(event, document);
        document.put("updatedAt", event.path("at").asText());
    }

    private static void messageAdded(JsonNode event, ObjectNode document) {
        boolean isPublic = "public".equals(event.path("visibility").asText());
        count(document, counter(event));
        keepText(document, event);
        keepMessage(document, event, null);
        boolean byStaff = !"customer".equals(event.path("by").path("role").asText());
        if (!byStaff) {
            // the customer's last contact, for the customer list
            document.put("lastCustomerMessageAt", event.path("at").asText());
        }
        if (isPublic && byStaff && !document.hasNonNull("firstResponseAt")) {
            document.put("firstResponseAt", event.path("at").asText());
        }
    }

    /** The other ticket's conversation comes along; its attachments are named here and described on its document. */
    private static void mergeReceived(JsonNode event, ObjectNode document) {
        ObjectNode from = document.objectNode().put("ticketId", event.path("sourceTicketId").asText());
        from.set("number", event.path("sourceNumber"));
        event.path("messages").forEach(m -> {
            count(document, counter(m));
            keepText(document, m);
            keepMessage(document, m, from);
        });
        event.path("attachmentIds").forEach(id -> array(document, "files").addObject()
                .put("attachmentId", id.asText()).put("mergedFrom", event.path("sourceTicketId").asText()));
    }

    private static void attachmentAdded(JsonNode event, ObjectNode document) {
        document.put("attachments", document.path("attachments").asInt() + 1);
        ObjectNode file = array(document, "files").addObject();
        for (String field : new String[] {"attachmentId", "messageId", "fileName", "contentType", "size", "by", "at"}) {
            file.set(field, event.path(field).isMissingNode() ? file.nullNode() : event.get(field));
        }
    }

    /**
     * Keeps a message as the conversation shows it (who may read it is decided when it is read, by its
     * {@code visibility}): only in the document's source, never indexed.
     */
    private static void keepMessage(ObjectNode document, JsonNode message, ObjectNode mergedFrom) {
        ObjectNode kept = array(document, "messages").addObject();
        for (String field : new String[] {"messageId", "threadId", "threadKind", "visibility", "body", "mentions",
                "attachmentIds", "by", "at"}) {
            kept.set(field, message.path(field).isMissingNode() ? kept.nullNode() : message.get(field));
        }
        kept.set("mergedFrom", mergedFrom == null ? kept.nullNode() : mergedFrom);
    }

    private static ArrayNode array(ObjectNode document, String field) {
        return document.get(field) instanceof ArrayNode array ? array : document.putArray(field);
    }

    /** The priority and its rank for sorting: LOW &lt; MEDIUM &lt; HIGH &lt; URGENT, anything else below LOW. */
    static void priority(ObjectNode document, String priority) {
        document.put("priority", priority);
        document.put("priorityRank", PRIORITY_RANKS.getOrDefault(priority, 0));
    }

    /**
     * Keeps a message's text for full-text search, in a field by who may read it: public text for
     * everyone, internal notes for staff, admin-only notes for admins. The text is never shown.
     */
    /** The message counter a message adds to: the same split as the rule of who reads it. */
    private static String counter(JsonNode message) {
        return switch (message.path("visibility").asText("")) {
            case "public" -> "publicMessages";
            case "internal" -> "internalMessages";
            default -> "adminMessages";
        };
    }

    private static void keepText(ObjectNode document, JsonNode message) {
        String body = message.path("body").asText("");
        if (body.isBlank()) {
            return;
        }
        String field = switch (message.path("visibility").asText()) {
            case "public" -> "publicText";
            case "admin_only" -> "adminText";
            default -> "internalText";
        };
        JsonNode texts = document.get(field);
        (texts instanceof ArrayNode array ? array : document.putArray(field)).add(body);
    }

    private static void count(ObjectNode document, String field) {
        document.put(field, document.path(field).asInt() + 1);
    }

    private static void copyIfPresent(JsonNode event, String field, ObjectNode document) {
        if (event.hasNonNull(field)) {
            document.set(field, event.get(field));
        }
    }
}
