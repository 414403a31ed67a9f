package org.autocrm.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.autocrm.query.EventStreamIntegration;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document integrators and the web app generate clients from tells the truth about the read API
 * (the document is also written to target/ for a look).
 */
class ApiDocumentIT extends EventStreamIntegration {

    private JsonNode document() throws Exception {
        JsonNode document = get("/v3/api-docs", admin()).getBody();
        Files.writeString(Path.of("target", "query-service-api-docs.json"), document.toPrettyString());
        return document;
    }

    @Test
    void everyParameterIsTypedAndNoneIsTheInternalCaller() throws Exception {
        List<String> untyped = new ArrayList<>();
        operations(document()).forEach(op -> op.node().path("parameters").forEach(parameter -> {
            assertThat(parameter.path("name").asText()).as(op.name()).isNotEqualTo("caller");
            if (parameter.path("schema").isMissingNode()) {
                untyped.add(op.name() + " " + parameter.path("name").asText());
            }
        }));
        assertThat(untyped).isEmpty();
    }

    @Test
    void operationIdsAreUnique() throws Exception {
        Set<String> seen = new HashSet<>();
        operations(document()).forEach(op ->
                assertThat(seen.add(op.node().path("operationId").asText())).as(op.name()).isTrue());
    }

    @Test
    void everyOperationDocumentsItsRefusalsAsProblemsAndCsvWhereItAnswersCsv() throws Exception {
        JsonNode document = document();
        operations(document).forEach(op -> {
            assertThat(op.node().path("responses").path("401").path("content").has("application/problem+json"))
                    .as(op.name()).isTrue();
            assertThat(op.node().path("responses").path("503").isMissingNode()).as(op.name()).isFalse();
        });
        assertThat(document.at("/paths/~1api~1tickets/get/responses/200/content").has("text/csv")).isTrue();
        assertThat(document.at("/paths/~1api~1tickets~1{id}/get/responses/404").isMissingNode()).isFalse();
    }

    @Test
    void writesDocumentTheStatusTheyAnswerWith() throws Exception {
        JsonNode paths = document().path("paths");

        assertThat(paths.at("/~1api~1views/post/responses").has("201")).isTrue();
        assertThat(paths.at("/~1api~1views~1{id}/delete/responses").has("204")).isTrue();
        assertThat(paths.at("/~1api~1admin~1projections~1{name}~1rebuild/post/responses").has("202")).isTrue();
        assertThat(paths.at("/~1api~1admin~1projections~1{name}~1rebuild/post/responses").has("409")).isTrue();
        assertThat(paths.at("/~1api~1views/post/responses").has("200")).isFalse();
    }

    @Test
    void fieldsThatMayBeAbsentAdmitNull() throws Exception {
        JsonNode schemas = document().path("components").path("schemas");

        assertThat(schemas.at("/TicketView/properties/agentId/type").toString()).contains("null");
        assertThat(schemas.at("/TicketView/properties/closedAt/type").toString()).contains("null");
        assertThat(schemas.at("/TicketView/properties/subject/type").toString()).doesNotContain("null");
        assertThat(schemas.at("/TicketPage/properties/next/type").toString()).contains("null");
    }

    @Test
    void theConversationTheLiveStreamAndPresenceAreDocumentedAsTheyAnswer() throws Exception {
        JsonNode document = document();
        JsonNode stream = document.at("/paths/~1api~1stream/get");
        JsonNode presence = document.at("/paths/~1api~1presence~1tickets~1{id}");
        JsonNode schemas = document.path("components").path("schemas");

        assertThat(stream.at("/responses/200/content").has("text/event-stream")).isTrue();
        assertThat(stream.at("/responses/200/content/text~1event-stream/schema/anyOf").size()).isEqualTo(5);
        assertThat(stream.at("/responses/429/content").has("application/problem+json")).isTrue();
        assertThat(stream.at("/responses/400/content").has("application/problem+json")).isTrue();
        assertThat(stream.path("parameters").findValuesAsText("name")).containsExactly("Last-Event-ID");
        assertThat(stream.at("/parameters/0/in").asText()).isEqualTo("header");
        assertThat(presence.at("/post/responses").has("200")).isTrue();
        assertThat(presence.at("/post/responses").has("404")).isTrue();
        assertThat(presence.at("/post/responses").has("415")).isTrue();
        assertThat(presence.at("/post/requestBody/required").asBoolean()).isTrue();
        assertThat(schemas.at("/PresenceRequest/properties/state/enum").toString())
                .isEqualTo("[\"viewing\",\"typing\"]");
        assertThat(presence.at("/delete/responses").has("204")).isTrue();
        assertThat(presence.at("/delete/responses").has("200")).isFalse();
        assertThat(presence.at("/get/parameters").findValuesAsText("name")).containsExactly("id");
        assertThat(document.at("/paths/~1api~1tickets~1{id}~1messages/get/responses").has("404")).isTrue();
        assertThat(document.at("/paths/~1api~1tickets~1{id}~1messages/get/parameters").findValuesAsText("name"))
                .contains("minVersion");

        assertThat(schemas.at("/AttachmentView/properties/fileName/type").toString()).contains("null");
        assertThat(schemas.at("/MessageView/properties/mergedFromTicketId/type").toString()).contains("null");
        assertThat(schemas.at("/MessageView/properties/body/type").toString()).doesNotContain("null");
        assertThat(schemas.at("/Presence/properties/name/type").toString()).contains("null");
        assertThat(schemas.at("/PresenceChanged/properties/name/type").toString()).contains("null");
        assertThat(schemas.at("/TicketChanged/properties/time/type").toString()).contains("null");
    }

    private record Op(String name, JsonNode node) {
    }

    private static List<Op> operations(JsonNode document) {
        List<Op> operations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            if (List.of("get", "put", "post", "delete", "patch").contains(method.getKey())) {
                operations.add(new Op(method.getKey().toUpperCase() + " " + path.getKey(), method.getValue()));
            }
        }));
        return operations;
    }
}
