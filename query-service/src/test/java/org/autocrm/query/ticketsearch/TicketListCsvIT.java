package org.autocrm.query.ticketsearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.autocrm.query.EventStreamIntegration;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Any ticket list as CSV: the same tickets, filters and visibility as the JSON list. */
class TicketListCsvIT extends EventStreamIntegration {

    @Test
    void exportsTheTicketListAsCsvWithTheCallersVisibility() {
        String acme = "acme-" + UUID.randomUUID();
        customerProfile(acme).created("Sarah Chen", "sarah@acme.example", "Acme, Inc.", "gold");
        Ticket quoted = ticketFor(acme, "Printer says \"no\"");
        Ticket other = ticketFor("other-" + UUID.randomUUID(), "Other").assigned("sam", null, distinctNow());
        awaitTicket(quoted, t -> "Acme, Inc.".equals(t.path("company").asText()));
        awaitApplied(other);

        ResponseEntity<String> byFormat = getText("/api/tickets?format=csv&sort=created&order=asc", admin(), MediaType.ALL);
        assertThat(byFormat.getStatusCode().value()).isEqualTo(200);
        assertThat(byFormat.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv"))).isTrue();
        assertThat(byFormat.getHeaders().getFirst("X-Total-Count")).isEqualTo("2");
        String[] lines = byFormat.getBody().split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).contains(quoted.id, "\"Printer says \"\"no\"\"\"", "\"Acme, Inc.\",gold");
        assertThat(lines[2]).contains(other.id, ",sam,");

        ResponseEntity<String> byAccept = getText("/api/tickets?company=Acme, Inc.", agent("alex", null),
                MediaType.parseMediaType("text/csv"));
        assertThat(byAccept.getBody().split("\r\n")).hasSize(2);
        assertThat(byAccept.getBody()).contains(quoted.id).doesNotContain(other.id);
        ResponseEntity<String> firstPage = getText("/api/tickets?format=csv&size=1", admin(), MediaType.ALL);
        assertThat(firstPage.getHeaders().getFirst("X-Next-Cursor")).isNotBlank();

        ResponseEntity<JsonNode> badFormat = get("/api/tickets?format=xml", admin());
        assertThat(badFormat.getStatusCode().value()).isEqualTo(400);
        assertThat(badFormat.getBody().get("detail").asText()).contains("format");
    }
}
