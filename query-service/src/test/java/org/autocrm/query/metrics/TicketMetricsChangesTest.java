package org.autocrm.query.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class TicketMetricsChangesTest {

    private final ObjectMapper json = new ObjectMapper();

    private ObjectNode created() throws Exception {
        return TicketMetricsChanges.created(json.readTree("""
                {"ticketId":"t1","customerId":"c1","priority":"HIGH","status":"OPEN","channel":"email",
                 "categoryId":"billing","at":"2026-03-10T23:30:00Z"}"""), "acme");
    }

    private void apply(ObjectNode document, String type, String data) throws Exception {
        TicketMetricsChanges.apply("autocrm.ticket." + type + ".v1", json.readTree(data), document);
    }

    @Test
    void createdTicketKeepsItsDimensionsAndCreationDayInUtc() throws Exception {
        ObjectNode document = created();

        assertThat(document.path("tenantId").asText()).isEqualTo("acme");
        assertThat(document.path("createdDay").asText()).isEqualTo("2026-03-10");
        assertThat(document.path("priority").asText()).isEqualTo("HIGH");
        assertThat(document.path("reopenCount").asInt()).isZero();
        assertThat(document.path("agentId").isNull()).isTrue();
    }

    @Test
    void firstResponseIsTheFirstPublicMessageByStaff() throws Exception {
        ObjectNode document = created();
        apply(document, "message_added", """
                {"visibility":"public","by":{"role":"customer"},"at":"2026-03-10T23:31:00Z"}""");
        apply(document, "message_added", """
                {"visibility":"internal","by":{"role":"agent"},"at":"2026-03-10T23:32:00Z"}""");
        apply(document, "message_added", """
                {"visibility":"public","by":{"role":"agent"},"at":"2026-03-10T23:40:00Z"}""");
        apply(document, "message_added", """
                {"visibility":"public","by":{"role":"admin"},"at":"2026-03-10T23:50:00Z"}""");

        assertThat(document.path("firstResponseAt").asText()).isEqualTo("2026-03-10T23:40:00Z");
        assertThat(document.path("firstResponseSeconds").asLong()).isEqualTo(600);
    }

    @Test
    void resolutionIsTheFirstResolvedAndReopeningsAreCounted() throws Exception {
        ObjectNode document = created();
        apply(document, "status_changed", """
                {"from":"OPEN","to":"RESOLVED","reason":"manual","at":"2026-03-11T01:30:00Z"}""");
        apply(document, "status_changed", """
                {"from":"RESOLVED","to":"OPEN","reason":"customer_reply","at":"2026-03-11T02:00:00Z"}""");
        apply(document, "status_changed", """
                {"from":"OPEN","to":"RESOLVED","reason":"manual","at":"2026-03-11T03:00:00Z"}""");
        apply(document, "status_changed", """
                {"from":"RESOLVED","to":"CLOSED","reason":"manual","at":"2026-03-11T04:00:00Z"}""");

        assertThat(document.path("resolvedAt").asText()).isEqualTo("2026-03-11T01:30:00Z");
        assertThat(document.path("resolutionSeconds").asLong()).isEqualTo(7200);
        assertThat(document.path("reopenCount").asInt()).isEqualTo(1);
        assertThat(document.path("closedAt").asText()).isEqualTo("2026-03-11T04:00:00Z");
        assertThat(document.path("status").asText()).isEqualTo("CLOSED");
    }

    @Test
    void lastAssignmentWinsAndUnassigningClearsIt() throws Exception {
        ObjectNode document = created();
        apply(document, "assigned", """
                {"agentId":null,"groupId":"billing-team"}""");
        assertThat(document.path("groupId").asText()).isEqualTo("billing-team");
        apply(document, "assigned", """
                {"agentId":"alex","groupId":null}""");
        assertThat(document.path("agentId").asText()).isEqualTo("alex");
        assertThat(document.path("groupId").isNull()).isTrue();
        apply(document, "unassigned", "{}");
        assertThat(document.path("agentId").isNull()).isTrue();
    }

    @Test
    void ratingIsSatisfiedFromFourOfFiveOrGood() throws Exception {
        ObjectNode document = created();
        apply(document, "satisfaction_rated", """
                {"scale":"five_point","score":4,"at":"2026-03-12T00:00:00Z"}""");

        assertThat(document.path("csatScore").asInt()).isEqualTo(4);
        assertThat(document.path("csatSatisfied").asBoolean()).isTrue();
        assertThat(TicketMetricsChanges.satisfied("five_point", 3)).isFalse();
        assertThat(TicketMetricsChanges.satisfied("good_bad", 1)).isTrue();
        assertThat(TicketMetricsChanges.satisfied("good_bad", 0)).isFalse();
    }

    @Test
    void ignoresEventTypesItDoesNotMeasure() {
        assertThat(TicketMetricsChanges.knows("autocrm.ticket.tags_changed.v1")).isFalse();
        assertThat(TicketMetricsChanges.knows("autocrm.ticket.created.v1")).isTrue();
    }

}
