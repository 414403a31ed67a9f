package org.autocrm.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Keeps the records, the JSON Schemas and the AsyncAPI document of the contract in agreement. */
class TicketEventContractTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig STRICT_FORMATS = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();

    @Test
    void everyEventTypeHasASchemaAndAnAsyncApiMessageWithAnExample() throws IOException {
        JsonNode messages = asyncApi().at("/components/messages");
        List<String> documented = new ArrayList<>();
        messages.forEach(message -> documented.add(message.get("name").asText()));

        for (String type : EventTypes.types()) {
            assertThat(getClass().getResource(EventTypes.schemaResource(type)))
                    .as("schema of %s", type).isNotNull();
            assertThat(documented).as("AsyncAPI messages").contains(type);
        }
        messages.forEach(message -> assertThat(message.get("examples")).as("examples of " + message.get("name")).isNotEmpty());
    }

    @Test
    void asyncApiExamplesAreValidEvents() throws IOException {
        for (JsonNode message : asyncApi().at("/components/messages")) {
            for (JsonNode example : message.get("examples")) {
                JsonNode event = example.get("payload");
                assertThat(validate(EventTypes.ENVELOPE_SCHEMA, event)).isEmpty();
                String type = event.get("type").asText();
                assertThat(type).isEqualTo(message.get("name").asText());
                assertThat(validate(EventTypes.schemaResource(type), event.get("data"))).isEmpty();
                assertThat(EventTypes.payloadOf(type)).isPresent();
            }
        }
    }

    @Test
    void serialisedRecordsMatchTheirSchemas() throws IOException {
        String ticketId = UUID.randomUUID().toString();
        TicketCreated created = new TicketCreated(ticketId, "acme", 1, "Cannot log in", "Since Monday",
                "customer-1", "HIGH", TicketStatus.OPEN, "portal", "en", null, List.of("login"), Map.of(), null,
                new Actor("maria", "agent"), Instant.now());
        EventEnvelope<TicketCreated> envelope = new EventEnvelope<>(EventEnvelope.SPEC_VERSION,
                UUID.randomUUID().toString(), EventTypes.typeOf(TicketCreated.class), EventStreams.TICKET_SERVICE_SOURCE,
                Instant.now(), ticketId, "acme", 0, EventEnvelope.CONTENT_TYPE, created);

        JsonNode json = JSON.valueToTree(envelope);

        assertThat(validate(EventTypes.ENVELOPE_SCHEMA, json)).isEmpty();
        assertThat(validate(EventTypes.schemaResource(envelope.type()), json.get("data"))).isEmpty();
    }

    @Test
    void schemaRejectsAnEventMissingRequiredFields() throws IOException {
        JsonNode incomplete = JSON.readTree("{\"ticketId\":\"" + UUID.randomUUID() + "\",\"tenantId\":\"acme\"}");

        Set<ValidationMessage> errors = validate(EventTypes.schemaResource("autocrm.ticket.created.v1"), incomplete);

        assertThat(errors).extracting(ValidationMessage::getMessage).anyMatch(m -> m.contains("subject"));
    }

    @Test
    void unknownTypesAreReportedAsUnknownRatherThanFailing() {
        assertThat(EventTypes.payloadOf("autocrm.ticket.teleported.v9")).isEmpty();
    }

    private Set<ValidationMessage> validate(String schemaResource, JsonNode node) throws IOException {
        try (InputStream schema = getClass().getResourceAsStream(schemaResource)) {
            assertThat(schema).as(schemaResource).isNotNull();
            JsonSchema jsonSchema = SCHEMAS.getSchema(schema, STRICT_FORMATS);
            return jsonSchema.validate(node);
        }
    }

    private JsonNode asyncApi() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/org/autocrm/events/asyncapi.yaml")) {
            return YAML.readTree(in);
        }
    }
}
