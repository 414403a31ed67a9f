package org.autocrm.ticket.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.autocrm.ticket.support.TicketServiceIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

/**
 * The OpenAPI document integrators and the web app generate clients from tells the truth about the write API
 * (the document is also written to target/ for a look).
 */
@TicketServiceIT
class ApiDocumentIT {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @LocalServerPort
    int port;

    private RestClient http;

    @BeforeEach
    void setUp() {
        http = RestClient.builder().baseUrl("http://localhost:" + port).build();
    }

    private JsonNode document() throws Exception {
        JsonNode document = http.get().uri("/v3/api-docs").retrieve().body(JsonNode.class);
        Files.writeString(Path.of("target", "ticket-service-api-docs.json"), document.toPrettyString());
        return document;
    }

    @Test
    void everyParameterIsTypedAndNoneIsInternal() throws Exception {
        List<String> untyped = new ArrayList<>();
        operations(document()).forEach(op -> op.node().path("parameters").forEach(parameter -> {
            assertThat(parameter.path("name").asText()).as(op.name()).isNotIn("caller", "request", "response");
            assertThat(parameter.path("in").asText()).as(op.name()).isIn("path", "query", "header");
            if (parameter.path("schema").path("type").isMissingNode()
                    && parameter.path("schema").path("$ref").isMissingNode()) {
                untyped.add(op.name() + " " + parameter.path("name").asText());
            }
        }));
        assertThat(untyped).isEmpty();
        JsonNode paths = document().path("paths");
        assertThat(parameter(paths.at("/~1api~1tickets~1categories/get"), "includeArchived").at("/schema/type").asText())
                .isEqualTo("boolean");
        assertThat(parameter(paths.at("/~1api~1tickets~1custom-fields/get"), "includeRetired").at("/schema/type").asText())
                .isEqualTo("boolean");
    }

    @Test
    void operationIdsAreUnique() throws Exception {
        Set<String> seen = new HashSet<>();
        operations(document()).forEach(op ->
                assertThat(seen.add(op.node().path("operationId").asText())).as(op.name()).isTrue());
    }

    @Test
    void everyOperationDocumentsItsRefusalsAsProblems() throws Exception {
        JsonNode document = document();
        operations(document).forEach(op -> {
            JsonNode responses = op.node().path("responses");
            responses.fields().forEachRemaining(response -> {
                if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                    assertThat(response.getValue().at("/content").has(PROBLEM_JSON))
                            .as(op.name() + " " + response.getKey()).isTrue();
                    assertThat(response.getValue().at("/content").size())
                            .as(op.name() + " " + response.getKey() + " only as problem+json").isEqualTo(1);
                    assertThat(response.getValue().at("/content/" + PROBLEM_JSON.replace("/", "~1") + "/schema/$ref")
                            .asText()).as(op.name() + " " + response.getKey()).isEqualTo(PROBLEM_REF);
                }
            });
            assertThat(responses.has("401")).as(op.name()).isTrue();
            assertThat(responses.has("503")).as(op.name()).isTrue();
        });
        JsonNode paths = document.path("paths");
        assertThat(paths.at("/~1api~1tickets~1{id}~1status/put/responses").has("409")).isTrue();
        assertThat(paths.at("/~1api~1tickets~1{id}~1status/put/responses").has("422")).isTrue();
        assertThat(paths.at("/~1api~1tickets~1{id}~1attachments/post/responses").has("413")).isTrue();
        assertThat(paths.at("/~1api~1tickets~1{id}~1attachments/post/responses").has("415")).isTrue();
        assertThat(paths.at("/~1api~1customers/post/responses").has("409")).isTrue();
    }

    @Test
    void writesDocumentTheStatusTheyAnswerWith() throws Exception {
        JsonNode paths = document().path("paths");

        for (String created : List.of("/api/tickets", "/api/customers", "/api/tickets/{id}/responses",
                "/api/tickets/{id}/attachments", "/api/tickets/categories", "/api/tickets/custom-fields",
                "/api/tickets/statuses", "/api/tickets/canned-responses")) {
            JsonNode responses = paths.path(created).path("post").path("responses");
            assertThat(responses.has("201")).as(created).isTrue();
            assertThat(responses.has("200")).as(created).isFalse();
            assertThat(responses.at("/201/headers/Location/schema/type").asText()).as(created).isEqualTo("string");
        }
        for (String deleted : List.of("/api/tickets/categories/{id}", "/api/tickets/custom-fields/{id}",
                "/api/tickets/canned-responses/{id}")) {
            JsonNode responses = paths.path(deleted).path("delete").path("responses");
            assertThat(responses.has("204")).as(deleted).isTrue();
            assertThat(responses.has("200")).as(deleted).isFalse();
        }
        assertThat(paths.at("/~1api~1tickets~1{id}/put/responses").has("200")).isTrue();
        assertThat(paths.at("/~1api~1tickets~1{id}/put/responses/200/headers").has("ETag")).isTrue();
    }

    @Test
    void everyTicketCommandTakesAnIdempotencyKeyAndAnAutomationsReasonAndDocumentsWhatTheKeyCanAnswer()
            throws Exception {
        List<String> commands = new ArrayList<>();
        operations(document()).stream()
                .filter(op -> op.name().contains(" /api/tickets/") && !op.name().startsWith("GET "))
                .forEach(op -> {
                    commands.add(op.name());
                    assertThat(parameter(op.node(), "Idempotency-Key").path("in").asText()).as(op.name()).isEqualTo("header");
                    assertThat(parameter(op.node(), "AutoCRM-Reason").at("/schema/maxLength").asInt()).as(op.name())
                            .isEqualTo(500);
                    JsonNode responses = op.node().path("responses");
                    assertThat(responses.path("409").path("description").asText()).as(op.name())
                            .contains("IDEMPOTENT_REQUEST_IN_PROGRESS");
                    assertThat(responses.at("/409/headers").has("Retry-After")).as(op.name()).isTrue();
                    assertThat(responses.path("422").path("description").asText()).as(op.name())
                            .contains("IDEMPOTENCY_KEY_REUSED");
                    assertThat(responses.at("/422/content/application~1problem+json/schema/$ref").asText())
                            .as(op.name()).endsWith("/Problem");
                });
        assertThat(commands).contains("PUT /api/tickets/{id}/assign", "POST /api/tickets/{id}/macros/{cannedId}",
                "POST /api/tickets/bulk", "DELETE /api/tickets/{id}/assign");
        JsonNode open = document().at("/paths/~1api~1tickets/post");
        assertThat(parameter(open, "Idempotency-Key").path("in").asText()).isEqualTo("header");
        assertThat(parameter(open, "AutoCRM-Reason").path("in").asText()).isEqualTo("header");
    }

    @Test
    void binaryAndMultipartAreDocumentedWithTheirMediaTypes() throws Exception {
        JsonNode paths = document().path("paths");
        JsonNode download = paths.at("/~1api~1tickets~1{id}~1attachments~1{attachmentId}/get/responses/200/content");
        // a download answers with the file's own type (image/png, application/pdf, ...), so any type is documented
        assertThat(download.has("*/*")).isTrue();
        assertThat(download.at("/*~1*/schema/format").asText()).isEqualTo("binary");
        assertThat(paths.at("/~1api~1tickets~1{id}~1attachments/post/requestBody/content")
                .has("multipart/form-data")).isTrue();
    }

    @Test
    void fieldsThatCanBeNullAreNullable() throws Exception {
        JsonNode schemas = document().at("/components/schemas");
        List<String> nonNullable = new ArrayList<>();
        for (String field : List.of("CannedAction.setStatus", "CannedAction.assignGroupId", "CannedAction.addTags",
                "CannedResponseView.actions", "TicketAsOf.agentId", "TicketAsOf.groupId", "TicketAsOf.categoryId",
                "TicketAsOf.mergedInto", "TicketAsOf.satisfaction", "Attachment.messageId", "CustomerDetails.phone",
                "CustomerDetails.company", "CategoryView.position", "Actor.reason")) {
            String[] parts = field.split("\\.");
            JsonNode property = schemas.path(parts[0]).path("properties").path(parts[1]);
            assertThat(property.isMissingNode()).as(field + " is documented").isFalse();
            assertThat(property.path("type").isMissingNode() && property.path("oneOf").isMissingNode()
                    && property.path("$ref").isMissingNode()).as(field + " has a type").isFalse();
            if (!admitsNull(property)) {
                nonNullable.add(field);
            }
        }
        assertThat(nonNullable).isEmpty();
    }

    /** OpenAPI 3.1: a "null" type, or one of several schemas that is; 3.0: nullable. */
    private static boolean admitsNull(JsonNode property) {
        if (property.path("nullable").asBoolean(false) || property.path("type").asText().equals("null")) {
            return true;
        }
        for (JsonNode type : property.path("type")) {
            if (type.asText().equals("null")) {
                return true;
            }
        }
        for (JsonNode option : property.path("oneOf")) {
            if (admitsNull(option)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode parameter(JsonNode operation, String name) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("name").asText().equals(name)) {
                return parameter;
            }
        }
        throw new AssertionError("no parameter " + name + " in " + operation);
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
