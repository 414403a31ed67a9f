package org.autocrm.routing.ticketcommands.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.InputStream;

/** Reading the JSON bodies of ticket-service's and the gateway's answers, which may be empty or not JSON at all. */
final class TicketServiceAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TicketServiceAnswers() {
    }

    /** The body as JSON, or a missing node when there is none or it is not JSON (a proxy's HTML error page). */
    static JsonNode json(InputStream body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.readAllBytes();
        if (bytes.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(bytes);
        } catch (com.fasterxml.jackson.core.JacksonException notJson) {
            return MissingNode.getInstance();
        }
    }
}
