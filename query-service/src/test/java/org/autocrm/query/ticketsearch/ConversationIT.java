package org.autocrm.query.ticketsearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.autocrm.query.EventStreamIntegration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The conversation of a ticket as each reader may see it: customers the public replies, staff also the internal
 * notes, admins also the admin-only notes, each with its author, time, body and the files they may see.
 */
class ConversationIT extends EventStreamIntegration {

    private TicketEvents ticket;

    @BeforeEach
    void aConversation() {
        ticket = ticket("Printer on fire", Map.of("customerId", "sarah"));
        message(ticket, "m-1", "public", "external", "It smells of smoke", "sarah", "customer", List.of("a-shot"));
        file(ticket, "a-shot", null, "smoke.png", "sarah", "customer");
        message(ticket, "m-2", "internal", "internal", "Looks like the fuser again", "alex", "agent", List.of());
        file(ticket, "a-manual", "m-2", "fuser-manual.pdf", "alex", "agent");
        message(ticket, "m-3", "admin_only", "internal", "Third fuser this month: supplier issue?", "ada", "admin",
                List.of());
        message(ticket, "m-4", "public", "external", "A technician is on the way", "alex", "agent", List.of());
        file(ticket, "a-invoice", null, "invoice.pdf", "alex", "agent");
        awaitVersion(ticket);
    }

    @Test
    void aCustomerReadsThePublicRepliesWithTheirFilesAndNothingOfTheNotes() {
        JsonNode conversation = conversation(customer("sarah"));

        assertThat(bodies(conversation)).containsExactly("It smells of smoke", "A technician is on the way");
        JsonNode first = conversation.path("messages").get(0);
        assertThat(first.path("author").path("userId").asText()).isEqualTo("sarah");
        assertThat(first.path("author").path("role").asText()).isEqualTo("customer");
        assertThat(first.path("visibility").asText()).isEqualTo("public");
        assertThat(first.path("at").asText()).isNotBlank();
        assertThat(first.path("attachments").findValuesAsText("fileName")).containsExactly("smoke.png");
        assertThat(conversation.path("attachments").findValuesAsText("fileName")).containsExactly("invoice.pdf");
        assertThat(conversation.toString()).doesNotContain("fuser", "supplier", "a-manual");
        assertThat(conversation.path("version").asLong()).isEqualTo(ticket.sequence);
    }

    @Test
    void agentsAndTeamLeadsReadTheInternalNotesButNotTheAdminOnlyOnes() {
        for (As staff : new As[] {agent("alex", null), teamLead()}) {
            JsonNode conversation = conversation(staff);

            assertThat(bodies(conversation)).containsExactly("It smells of smoke", "Looks like the fuser again",
                    "A technician is on the way");
            JsonNode note = conversation.path("messages").get(1);
            assertThat(note.path("visibility").asText()).isEqualTo("internal");
            assertThat(note.path("threadKind").asText()).isEqualTo("internal");
            assertThat(note.path("attachments").findValuesAsText("fileName")).containsExactly("fuser-manual.pdf");
            assertThat(conversation.toString()).doesNotContain("supplier");
        }
    }

    @Test
    void adminsReadEverything() {
        JsonNode conversation = conversation(admin());

        assertThat(bodies(conversation)).containsExactly("It smells of smoke", "Looks like the fuser again",
                "Third fuser this month: supplier issue?", "A technician is on the way");
        assertThat(conversation.path("messages").get(2).path("visibility").asText()).isEqualTo("admin_only");
    }

    @Test
    void aTicketTheCallerMayNotSeeOrThatDoesNotExistIsNotFound() {
        ticket.assigned("sam", null);
        awaitVersion(ticket);

        for (As stranger : new As[] {agent("alex", "billing"), customer("omar"),
                new As("tenant-" + UUID.randomUUID(), "ada", "admin", null)}) {
            ResponseEntity<JsonNode> response = get("/api/tickets/" + ticket.id + "/messages", stranger);
            assertThat(response.getStatusCode().value()).as(stranger.toString()).isEqualTo(404);
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(get("/api/tickets/" + UUID.randomUUID() + "/messages", admin()).getStatusCode().value())
                .isEqualTo(404);
    }

    @Test
    void aMergedTicketsMessagesAndFilesComeAlongForThoseWhoMayReadThem() {
        TicketEvents duplicate = ticket("Printer smoking", Map.of("customerId", "sarah"));
        message(duplicate, "d-1", "public", "external", "Also: it beeps", "sarah", "customer", List.of());
        message(duplicate, "d-2", "internal", "internal", "Same printer as the other ticket", "alex", "agent",
                List.of());
        file(duplicate, "a-beep", "d-1", "beep.mp3", "sarah", "customer");
        file(duplicate, "a-note", "d-2", "serials.txt", "alex", "agent");
        awaitVersion(duplicate);
        ticket.send("autocrm.ticket.merge_received.v1", Map.of("sourceTicketId", duplicate.id, "sourceNumber", 77,
                "messages", List.of(merged("d-1", "public", "Also: it beeps", "sarah", "customer", "a-beep"),
                        merged("d-2", "internal", "Same printer as the other ticket", "alex", "agent", "a-note")),
                "attachmentIds", List.of("a-beep", "a-note"), "by", Map.of("userId", "alex", "role", "agent")));
        awaitVersion(ticket);

        JsonNode customers = conversation(customer("sarah"));
        JsonNode beep = customers.path("messages").findParents("messageId").stream()
                .filter(m -> m.path("messageId").asText().equals("d-1")).findFirst().orElseThrow();
        assertThat(beep.path("mergedFromTicketId").asText()).isEqualTo(duplicate.id);
        assertThat(beep.path("mergedFromNumber").asLong()).isEqualTo(77);
        assertThat(beep.path("attachments").findValuesAsText("fileName")).containsExactly("beep.mp3");
        assertThat(customers.toString()).doesNotContain("Same printer", "serials.txt");
        assertThat(bodies(conversation(agent("alex", null)))).contains("Same printer as the other ticket");
    }

    @Test
    void minVersionWaitsForTheCallersOwnReply() {
        message(ticket, "m-5", "public", "external", "Thanks!", "sarah", "customer", List.of());

        JsonNode conversation = get("/api/tickets/" + ticket.id + "/messages?minVersion=" + ticket.sequence,
                customer("sarah")).getBody();

        assertThat(bodies(conversation)).endsWith("Thanks!");
    }

    private JsonNode conversation(As as) {
        ResponseEntity<JsonNode> response = get("/api/tickets/" + ticket.id + "/messages", as);
        assertThat(response.getStatusCode().value()).as(as.toString()).isEqualTo(200);
        return response.getBody();
    }

    private static List<String> bodies(JsonNode conversation) {
        List<String> bodies = new ArrayList<>();
        conversation.path("messages").forEach(m -> bodies.add(m.path("body").asText()));
        return bodies;
    }

    private static void message(TicketEvents ticket, String id, String visibility, String threadKind, String body,
                                String userId, String role, List<String> attachmentIds) {
        ticket.send("autocrm.ticket.message_added.v1", Map.of("messageId", id, "threadId", threadKind + ":" + ticket.id,
                "threadKind", threadKind, "visibility", visibility, "body", body, "mentions", List.of(),
                "attachmentIds", attachmentIds, "by", Map.of("userId", userId, "role", role)));
    }

    private static void file(TicketEvents ticket, String id, String messageId, String name, String userId,
                             String role) {
        Map<String, Object> fields = new java.util.HashMap<>(Map.of("attachmentId", id, "fileName", name,
                "contentType", "application/octet-stream", "size", 1234, "sha256", "00",
                "by", Map.of("userId", userId, "role", role)));
        fields.put("messageId", messageId);
        ticket.send("autocrm.ticket.attachment_added.v1", fields);
    }

    private static Map<String, Object> merged(String id, String visibility, String body, String userId, String role,
                                              String attachmentId) {
        return Map.of("messageId", id, "threadId", "external:x", "threadKind",
                "public".equals(visibility) ? "external" : "internal", "visibility", visibility, "body", body,
                "by", Map.of("userId", userId, "role", role), "at", distinctNow().toString(),
                "attachmentIds", List.of(attachmentId));
    }
}
