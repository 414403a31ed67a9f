package org.autocrm.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.http.HttpHost;
import org.autocrm.infrastructure.Infrastructure;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A projection folds a ticket's next events onto the document it wrote last instead of reading it again, and that
 * never loses what another writer (an instance that held the partition meanwhile) applied in between.
 */
class EventBatchIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static RestClient rest;
    private static ElasticsearchClient elasticsearch;

    private final String index = "event-batch-" + UUID.randomUUID();
    private final String ticket = "ticket-" + UUID.randomUUID();

    /** Each event appends its note, so a lost event shows as a missing note. */
    private final EventBatch.Fold notes = new EventBatch.Fold() {
        @Override
        public String documentId(JsonNode envelope) {
            return envelope.path("subject").asText();
        }

        @Override
        public ObjectNode apply(JsonNode envelope, ObjectNode document) {
            ObjectNode next = document == null ? JSON.createObjectNode() : document;
            next.withArray("notes").add(envelope.path("data").path("note").asText());
            return next;
        }
    };

    @BeforeAll
    static void connect() {
        rest = RestClient.builder(HttpHost.create(Infrastructure.shared().elasticsearch().url())).build();
        elasticsearch = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
    }

    @BeforeEach
    void createIndex() throws IOException {
        elasticsearch.indices().create(c -> c.index(index));
    }

    @AfterAll
    static void disconnect() throws IOException {
        rest.close();
    }

    @Test
    void foldsTheNextEventsOntoWhatItWroteAndKeepsEveryEvent() throws IOException {
        RecentDocuments recent = new RecentDocuments(100);
        EventBatch live = new EventBatch(elasticsearch, recent);

        apply(live, event(0, "opened"), event(1, "assigned"));
        assertThat(recent.get(index, ticket)).as("kept at hand after the write").isNotNull();
        apply(live, event(2, "replied"));
        apply(live, event(1, "assigned")); // a redelivery changes nothing

        assertThat(stored()).isEqualTo(List.of("opened", "assigned", "replied"));
    }

    @Test
    void aDocumentAnotherWriterMovedOnIsReadAgainNotOverwrittenFromMemory() throws IOException {
        RecentDocuments recent = new RecentDocuments(100);
        EventBatch live = new EventBatch(elasticsearch, recent);
        EventBatch otherInstance = new EventBatch(elasticsearch);
        apply(live, event(0, "opened"), event(1, "assigned"));

        apply(otherInstance, event(2, "replied"), event(3, "noted"));
        apply(live, event(2, "replied")); // refused for its version: the document in memory is dropped
        apply(live, event(4, "resolved"));

        assertThat(stored()).isEqualTo(List.of("opened", "assigned", "replied", "noted", "resolved"));
    }

    @Test
    void partitionsChangingHandsMakeItReadEveryDocumentAgain() throws IOException {
        RecentDocuments recent = new RecentDocuments(100);
        EventBatch live = new EventBatch(elasticsearch, recent);
        EventBatch otherInstance = new EventBatch(elasticsearch);
        apply(live, event(0, "opened"));

        // the partition went to another instance, which applied and committed two events, and came back
        recent.forgetAll();
        apply(otherInstance, event(1, "assigned"), event(2, "replied"));
        apply(live, event(3, "resolved"));

        assertThat(stored()).isEqualTo(List.of("opened", "assigned", "replied", "resolved"));
    }

    @Test
    void keepsOnlyTheMostRecentlyUsedDocuments() {
        RecentDocuments recent = new RecentDocuments(2);
        recent.put(index, "a", JSON.createObjectNode());
        recent.put(index, "b", JSON.createObjectNode());
        recent.get(index, "a");
        recent.put(index, "c", JSON.createObjectNode());

        assertThat(recent.size()).isEqualTo(2);
        assertThat(recent.get(index, "b")).isNull();
        assertThat(recent.get(index, "a")).isNotNull();
        assertThat(recent.get("another-index", "a")).isNull();
    }

    private void apply(EventBatch batch, JsonNode... events) {
        EventBatch.Outcome outcome = batch.apply(List.of(events), index, notes, new EventBatch.Hooks() { });
        assertThat(outcome.complete()).as("applied: %s", outcome.failure()).isTrue();
    }

    private JsonNode event(long sequence, String note) {
        ObjectNode envelope = JSON.createObjectNode().put("subject", ticket).put("sequence", sequence)
                .put("type", "autocrm.ticket.test.v1");
        envelope.putObject("data").put("note", note);
        return envelope;
    }

    private List<String> stored() throws IOException {
        JsonNode document = elasticsearch.get(g -> g.index(index).id(ticket), ObjectNode.class).source();
        List<String> stored = new ArrayList<>();
        document.path("notes").forEach(note -> stored.add(note.asText()));
        return stored;
    }
}
