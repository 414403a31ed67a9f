package org.autocrm.query.customfields;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.autocrm.events.Actor;
import org.autocrm.events.CustomFieldChanged;
import org.autocrm.events.CustomFieldDefined;
import org.autocrm.query.EventStreamIntegration;
import org.autocrm.servicetesting.sse.SseStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * Custom fields the admin made agent-only (ticket-service's {@code visibleToCustomers: false}) never reach a
 * customer through query-service: not in the single read, the lists, a filter or the live stream, nor does a field
 * whose definition query-service has not read ({@code legacy}); staff see them; a field switched to agent-only later disappears for customers; and a replica starting afresh knows them again
 * from the configuration topic. Also: the internal-note count shown to staff leaves out admin-only notes.
 */
class CustomerVisibleFieldsIT extends EventStreamIntegration {

    private static final Actor ADMIN = new Actor("ada", "admin");

    @Autowired
    private ConsumerFactory<String, String> consumers;

    private final List<SseStream> open = new ArrayList<>();
    private long configurationSequence;

    @AfterEach
    void closeStreams() {
        open.forEach(SseStream::close);
    }

    @Test
    void customersNeverSeeCustomerVisibleFieldsAndLoseAFieldMadeAgentOnlyLater() {
        define("plan", true);
        define("risk", false);
        String region = define("region", true);
        TicketEvents ticket = ticket("VPN drops", Map.of("customerId", "sarah",
                "customFields", Map.of("plan", "pro", "risk", "churn-likely", "region", "eu", "legacy", "x")));
        awaitVersion(ticket);

        JsonNode seen = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> get("/api/tickets/" + ticket.id, customer("sarah")).getBody(),
                        t -> t.path("customFields").has("plan") && !t.path("customFields").has("risk"));
        assertThat(fieldNames(seen.path("customFields"))).containsExactlyInAnyOrder("plan", "region");
        assertThat(listed("/api/tickets", customer("sarah"))).containsExactlyInAnyOrder("plan", "region");
        assertThat(listed("/api/customers/sarah/tickets", customer("sarah"))).containsExactlyInAnyOrder("plan", "region");
        assertThat(get("/api/tickets?cf.risk=churn-likely", customer("sarah")).getBody().path("total").asLong())
                .as("a filter on an agent-only field tells a customer nothing").isZero();
        assertThat(get("/api/tickets?cf.plan=pro", customer("sarah")).getBody().path("total").asLong()).isOne();

        for (As staff : List.of(admin(), teamLead(), agent("alex", null))) {
            assertThat(fieldNames(get("/api/tickets/" + ticket.id, staff).getBody().path("customFields")))
                    .containsExactlyInAnyOrder("plan", "risk", "region", "legacy");
            assertThat(listed("/api/tickets", staff)).containsExactlyInAnyOrder("plan", "risk", "region", "legacy");
        }
        assertThat(get("/api/tickets?cf.risk=churn-likely", admin()).getBody().path("total").asLong()).isOne();

        SseStream sarah = opened(customer("sarah"));
        SseStream alex = opened(agent("alex", null));
        ticket.send("autocrm.ticket.custom_field_changed.v1", Map.of("key", "risk", "value", "churned"));
        ticket.message("public", "Which router do you use?", "agent");
        JsonNode customerEvent = sarah.await("ticket", event -> event.path("ticketId").asText().equals(ticket.id))
                .json();
        assertThat(customerEvent.path("type").asText())
                .as("a customer does not even hear that an agent-only field changed")
                .isEqualTo("autocrm.ticket.message_added.v1");
        assertThat(fieldNames(customerEvent.path("ticket").path("customFields")))
                .containsExactlyInAnyOrder("plan", "region");
        assertThat(sarah.events().toString()).doesNotContain("churn-likely", "churned");
        JsonNode agentEvent = alex.await("ticket", event -> event.path("ticketId").asText().equals(ticket.id)).json();
        assertThat(agentEvent.path("type").asText()).isEqualTo("autocrm.ticket.custom_field_changed.v1");
        assertThat(fieldNames(agentEvent.path("ticket").path("customFields")))
                .containsExactlyInAnyOrder("plan", "risk", "region", "legacy");

        publish(region, 1, new CustomFieldChanged(region, tenant, "region", List.of(), false, false, ADMIN,
                distinctNow()), distinctNow());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> get("/api/tickets/" + ticket.id, customer("sarah")).getBody(),
                        t -> !t.path("customFields").has("region"));
        assertThat(listed("/api/tickets", customer("sarah"))).containsExactly("plan");
        assertThat(listed("/api/tickets", admin())).containsExactlyInAnyOrder("plan", "risk", "region", "legacy");
        ticket.message("public", "Thanks, noted", "agent");
        JsonNode later = sarah.await("ticket", event -> event.toString().contains("Thanks, noted")).json();
        assertThat(fieldNames(later.path("ticket").path("customFields"))).containsExactly("plan");
        assertThat(sarah.events().toString()).doesNotContain("churn-likely");
    }

    @Test
    void aReplicaStartingAfreshLearnsTheCustomerVisibleFieldsFromTheTopic() {
        define("plan", true);
        define("risk", false);
        String region = define("region", true);
        publish(region, 1, new CustomFieldChanged(region, tenant, "region", List.of(), false, false, ADMIN,
                distinctNow()), distinctNow());

        CustomerVisibleFields fresh = new CustomerVisibleFields(consumers, json);
        fresh.start();
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> fresh.of(tenant), fields -> fields.equals(Optional.of(Set.of("plan"))));
        } finally {
            fresh.stop();
        }
    }

    @Test
    void theInternalNoteCountShownToAgentsAndTeamLeadsLeavesOutAdminOnlyNotes() {
        TicketEvents ticket = ticket("Refund", Map.of("customerId", "sarah"))
                .message("internal", "Check the invoice", "agent")
                .message("admin_only", "Customer is on the watch list", "admin")
                .message("public", "We are on it", "agent");
        awaitVersion(ticket);

        assertThat(notes(ticket, agent("alex", null))).isOne();
        assertThat(notes(ticket, teamLead())).isOne();
        assertThat(notes(ticket, admin())).isEqualTo(2);
        assertThat(notes(ticket, customer("sarah"))).isZero();
        assertThat(get("/api/tickets", teamLead()).getBody().path("items").get(0).path("internalMessages").asInt())
                .isOne();
    }

    /** Defines a field of this tenant as ticket-service publishes it; returns its id. */
    private String define(String key, boolean visibleToCustomers) {
        String fieldId = UUID.randomUUID().toString();
        publish(fieldId, 0, new CustomFieldDefined(fieldId, tenant, key, key, "text", List.of(), false,
                visibleToCustomers, ADMIN, distinctNow()), distinctNow());
        return fieldId;
    }

    private int notes(TicketEvents ticket, As as) {
        return get("/api/tickets/" + ticket.id, as).getBody().path("internalMessages").asInt();
    }

    /** The custom field names of the only ticket of the list. */
    private List<String> listed(String path, As as) {
        JsonNode items = get(path, as).getBody().path("items");
        assertThat(items).hasSize(1);
        return fieldNames(items.get(0).path("customFields"));
    }

    private static List<String> fieldNames(JsonNode fields) {
        List<String> names = new ArrayList<>();
        fields.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private SseStream opened(As as) {
        SseStream stream = stream(as, null);
        open.add(stream);
        stream.await("ready", event -> true);
        return stream;
    }
}
