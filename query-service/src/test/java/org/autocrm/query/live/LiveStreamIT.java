package org.autocrm.query.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.autocrm.access.TestTokens;
import org.autocrm.events.EventStreams;
import org.autocrm.query.EventStreamIntegration;
import org.autocrm.servicetesting.sse.SseStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code GET /api/stream}: every caller is shown, live, the changes of the tickets they may see and nothing else,
 * resumes after a broken connection, hears a heartbeat, and the stream is cleaned up when the client goes away.
 */
class LiveStreamIT extends EventStreamIntegration {

    @Autowired
    private LiveStreams streams;

    private final List<SseStream> open = new ArrayList<>();

    @AfterEach
    void closeStreams() {
        open.forEach(SseStream::close);
    }

    @Test
    void everyoneSeesLiveTheChangesOfTheTicketsTheyMaySeeAndNothingElse() {
        TicketEvents samsTicket = ticket("Omar's invoice", Map.of("customerId", "omar")).assigned("sam", null);
        awaitVersion(samsTicket);
        SseStream alex = opened(agent("alex", "billing"), null);
        SseStream sarah = opened(customer("sarah"), null);
        SseStream ada = opened(admin(), null);

        TicketEvents unassigned = ticket("Printer jammed", Map.of("customerId", "sarah"));
        samsTicket.message("public", "Omar's reply about the invoice", "customer");
        publishForeignTicket();
        unassigned.message("internal", "Serial number is 4711", "agent");
        unassigned.message("admin_only", "Customer is on the watch list", "admin");
        unassigned.message("public", "We are on it", "agent");

        for (SseStream stream : List.of(alex, sarah, ada)) {
            stream.await("ticket", event -> bodies(event).contains("We are on it"));
        }
        assertThat(ticketIds(alex)).containsOnly(unassigned.id);
        assertThat(bodies(alex)).containsExactly("Serial number is 4711", "We are on it");
        assertThat(ticketIds(sarah)).containsOnly(unassigned.id);
        assertThat(bodies(sarah)).containsExactly("We are on it");
        assertThat(sarah.events().toString()).doesNotContain("4711", "watch list", "sam", "Omar");
        assertThat(sarah.events("ticket")).allSatisfy(event ->
                assertThat(event.json().path("ticket").path("internalMessages").asInt()).isZero());
        assertThat(ticketIds(ada)).containsOnly(unassigned.id, samsTicket.id);
        assertThat(bodies(ada)).containsExactlyInAnyOrder("Omar's reply about the invoice", "Serial number is 4711",
                "Customer is on the watch list", "We are on it");
        assertThat(ada.events().toString()).doesNotContain("Foreign");

        JsonNode created = alex.events("ticket").get(0).json();
        assertThat(created.path("type").asText()).isEqualTo("autocrm.ticket.created.v1");
        assertThat(created.path("ticket").path("subject").asText()).isEqualTo("Printer jammed");
        assertThat(created.path("sequence").asLong()).isZero();
        JsonNode reply = alex.await("ticket", event -> bodies(event).contains("We are on it")).json();
        assertThat(reply.path("messages").get(0).path("author").path("role").asText()).isEqualTo("agent");
        assertThat(reply.path("ticket").path("publicMessages").asInt()).isEqualTo(1);
        assertThat(alex.events("ticket")).allSatisfy(event -> assertThat(event.id()).isNotBlank());
    }

    @Test
    void anAgentIsToldWhenATicketIsAssignedAwayFromThemAndNothingMore() {
        TicketEvents ticket = ticket("Refund", Map.of("customerId", "sarah")).assigned("alex", null);
        awaitVersion(ticket);
        SseStream alex = opened(agent("alex", null), null);

        ticket.assigned(null, "secret-escalations");
        ticket.message("internal", "Escalated for legal reasons", "team_lead");

        JsonNode hidden = alex.await("ticket-hidden", event -> event.path("ticketId").asText().equals(ticket.id))
                .json();
        assertThat(hidden.path("sequence").asLong()).isEqualTo(2);
        assertThat(alex.events().toString()).doesNotContain("secret-escalations", "legal");
    }

    @Test
    void aClientResumesAfterItsLastEventIdWithTheEventsItMissedAndNoOthers() {
        TicketEvents ticket = ticket("Resume me", Map.of("customerId", "sarah"));
        SseStream first = opened(admin(), null);
        ticket.message("public", "before the break", "agent");
        first.await("ticket", event -> bodies(event).contains("before the break"));
        String lastSeen = first.lastEventId();
        first.close();

        ticket.message("public", "during the break 1", "agent");
        ticket.message("internal", "during the break 2", "agent");
        awaitVersion(ticket);
        SseStream resumed = opened(admin(), lastSeen);
        ticket.message("public", "after the break", "agent");

        resumed.await("ticket", event -> bodies(event).contains("after the break"));
        assertThat(resumed.events().get(0).name()).isEqualTo("ready");
        assertThat(resumed.events("ready").get(0).json().path("resumed").asBoolean()).isTrue();
        assertThat(bodies(resumed)).containsExactly("during the break 1", "during the break 2", "after the break");
        assertThat(resumed.events("reload")).isEmpty();
    }

    @Test
    void aClientAwayLongerThanTheStreamRemembersIsToldToReload() {
        SseStream first = opened(admin(), null);
        SseStream witness = opened(teamLead(), null);
        TicketEvents ticket = ticket("Busy ticket", Map.of("customerId", "sarah"));
        first.await("ticket", event -> event.path("ticketId").asText().equals(ticket.id));
        String lastSeen = first.lastEventId();
        first.close();
        for (int i = 0; i < 25; i++) { // more than the 20 the test configuration keeps per tenant
            ticket.message("public", "reply " + i, "agent");
        }
        witness.await("ticket", event -> bodies(event).contains("reply 24")); // the replica has read them all

        SseStream resumed = opened(admin(), lastSeen);

        resumed.await("reload", event -> true);
        assertThat(resumed.events("ready").get(0).json().path("resumed").asBoolean()).isFalse();
        assertThat(resumed.events("ticket")).isEmpty();
        assertThat(resumed.lastEventId()).isNotEqualTo(lastSeen);
    }

    @Test
    void anIdleStreamHearsHeartbeatsAndIsForgottenOnceTheClientHasGone() {
        // counted in this test's tenant: streams other tests closed may be noticed gone at any moment meanwhile
        SseStream stream = opened(teamLead(), null);
        await().atMost(Duration.ofSeconds(10)).until(() -> streams.open(tenant) == 1);

        await().atMost(Duration.ofSeconds(10)).until(() -> !stream.comments().isEmpty());
        assertThat(stream.comments().get(0).comment()).isEqualTo("heartbeat");

        stream.close();
        // a gone client is noticed at the next write (a heartbeat); on a loaded machine that can take a while
        await().atMost(Duration.ofSeconds(30)).until(() -> streams.open(tenant) == 0);
    }

    @Test
    void anApiKeyNeedsTicketsReadAndThenSeesWhatItsOrganisationSeesButNoAdminOnlyNotes() {
        String url = "http://localhost:" + port + "/api/stream";
        SseStream withoutScope = SseStream.open(url, Map.of("Authorization", "Bearer "
                + TestTokens.token(tenant, "key-8", "api_key").scope("customers:read").sign()));
        open.add(withoutScope);
        assertThat(withoutScope.status()).isEqualTo(403);
        assertThat(withoutScope.problem().path("scope").asText()).isEqualTo("tickets:read");
        SseStream integration = SseStream.open(url, Map.of("Authorization", "Bearer "
                + TestTokens.token(tenant, "key-7", "api_key").scope("tickets:read").sign()));
        open.add(integration);
        integration.await("ready", event -> true);

        TicketEvents ticket = ticket("Integration", Map.of("customerId", "sarah"));
        ticket.message("admin_only", "for admins", "admin");
        ticket.message("internal", "for the organisation", "agent");

        integration.await("ticket", event -> bodies(event).contains("for the organisation"));
        assertThat(integration.events().toString()).doesNotContain("for admins");
    }

    @Test
    void aLastEventIdThisStreamNeverWroteIsABadRequest() {
        SseStream stream = opened(admin(), "yesterday");

        assertThat(stream.status()).isEqualTo(400);
        assertThat(stream.contentType()).startsWith("application/problem+json");
        assertThat(stream.problem().path("parameter").asText()).isEqualTo("Last-Event-ID");
    }

    @Test
    void oneUserMayHoldOnlyAFewStreamsAtOnce() {
        As busy = agent("busy-" + UUID.randomUUID(), null);
        for (int i = 0; i < 8; i++) {
            assertThat(opened(busy, null).status()).isEqualTo(200);
        }

        SseStream ninth = opened(busy, null);

        assertThat(ninth.status()).isEqualTo(429);
        assertThat(ninth.contentType()).startsWith("application/problem+json");
        assertThat(opened(agent("someone-else", null), null).status()).isEqualTo(200);
    }

    private SseStream opened(As as, String lastEventId) {
        SseStream stream = stream(as, lastEventId);
        open.add(stream);
        if (stream.status() == 200) {
            stream.await("ready", event -> true);
        }
        return stream;
    }

    private void publishForeignTicket() {
        String id = UUID.randomUUID().toString();
        String foreign = "tenant-" + UUID.randomUUID();
        publishRaw(EventStreams.TICKETS, id, """
                {"specversion":"1.0","id":"%s","type":"autocrm.ticket.created.v1","source":"/autocrm/ticket-service",
                 "time":"%s","subject":"%s","tenantId":"%s","sequence":0,"datacontenttype":"application/json",
                 "data":{"ticketId":"%s","tenantId":"%s","number":1,"subject":"Foreign","description":"x",
                 "customerId":"sarah","priority":"LOW","status":"OPEN","channel":"email","tags":[],"customFields":{},
                 "by":{"userId":"sarah","role":"customer"},"at":"%s"}}
                """.formatted(UUID.randomUUID(), distinctNow(), id, foreign, id, foreign, distinctNow()));
    }

    private static Set<String> ticketIds(SseStream stream) {
        return stream.events("ticket").stream().map(e -> e.json().path("ticketId").asText())
                .collect(Collectors.toSet());
    }

    private static List<String> bodies(SseStream stream) {
        List<String> bodies = new ArrayList<>();
        stream.events("ticket").forEach(event -> bodies.addAll(bodies(event.json())));
        return bodies;
    }

    private static List<String> bodies(JsonNode event) {
        List<String> bodies = new ArrayList<>();
        event.path("messages").forEach(message -> bodies.add(message.path("body").asText()));
        return bodies;
    }
}
