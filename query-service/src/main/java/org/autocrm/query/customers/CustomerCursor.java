package org.autocrm.query.customers;

import co.elastic.clients.elasticsearch._types.FieldValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where the previous page of customers ended: the sort value (a number or a name) and customer id
 * of its last entry, for the sort it was made with. Opaque to clients (base64url of small JSON).
 */
public record CustomerCursor(CustomerSort sort, FieldValue sortValue, String customerId) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public String encode() {
        ObjectNode node = JSON.createObjectNode()
                .put("s", sort.field().parameterValue())
                .put("a", sort.ascending())
                .put("id", customerId);
        if (sortValue.isString()) {
            node.put("v", sortValue.stringValue());
        } else if (sortValue.isDouble()) {
            node.put("v", sortValue.doubleValue());
        } else {
            node.put("v", sortValue.longValue());
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor, if it was made by {@link #encode()} for this sort; otherwise an IllegalArgumentException. */
    public static CustomerCursor decode(String encoded, CustomerSort expected) {
        JsonNode node;
        try {
            node = JSON.readTree(Base64.getUrlDecoder().decode(encoded));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cursor is not one this service returned");
        }
        if (node == null || !node.path("id").isTextual() || !node.path("v").isValueNode() || node.path("v").isNull()) {
            throw new IllegalArgumentException("cursor is not one this service returned");
        }
        if (!expected.field().parameterValue().equals(node.path("s").asText())
                || expected.ascending() != node.path("a").asBoolean()) {
            throw new IllegalArgumentException("cursor belongs to another sort; use the same sort and order as the first page");
        }
        JsonNode v = node.get("v");
        FieldValue value = v.isTextual() ? FieldValue.of(v.asText())
                : v.isIntegralNumber() ? FieldValue.of(v.asLong()) : FieldValue.of(v.asDouble());
        return new CustomerCursor(expected, value, node.path("id").asText());
    }
}
