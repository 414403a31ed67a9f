package org.autocrm.query.ticketsearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where the previous page ended: the sort value and ticket id of its last ticket, for the sort it
 * was made with. Opaque to clients (base64url of a small JSON object); a page continues after that
 * position, so tickets that change meanwhile neither repeat nor skip the ones that did not move.
 */
public record TicketCursor(TicketSort sort, long sortValue, String ticketId) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public String encode() {
        ObjectNode node = JSON.createObjectNode()
                .put("s", sort.field().parameterValue())
                .put("a", sort.ascending())
                .put("v", sortValue)
                .put("id", ticketId);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor, if it was made by {@link #encode()} for this sort; otherwise an IllegalArgumentException. */
    public static TicketCursor decode(String encoded, TicketSort expected) {
        JsonNode node;
        try {
            node = JSON.readTree(Base64.getUrlDecoder().decode(encoded));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cursor is not one this service returned");
        }
        if (node == null || !node.path("v").isIntegralNumber() || !node.path("id").isTextual()) {
            throw new IllegalArgumentException("cursor is not one this service returned");
        }
        if (!expected.field().parameterValue().equals(node.path("s").asText())
                || expected.ascending() != node.path("a").asBoolean()) {
            throw new IllegalArgumentException("cursor belongs to another sort; use the same sort and order as the first page");
        }
        return new TicketCursor(expected, node.path("v").asLong(), node.path("id").asText());
    }
}
