package org.autocrm.ticket.configuration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.autocrm.events.EventStreams;
import org.autocrm.events.EventTypes;
import org.autocrm.events.TicketStatus;
import org.autocrm.ticket.support.EventTopic;
import org.autocrm.ticket.support.TicketServiceIT;
import org.autocrm.ticket.ticket.TicketConfiguration.CategoryState;
import org.autocrm.ticket.ticket.TicketConfiguration.CustomFieldDefinition;
import org.autocrm.ticket.ticket.TicketConfiguration.FieldType;
import org.autocrm.ticket.ticket.TicketConfiguration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.web.client.RestClient;

/** Walks the ticket configuration API on real PostgreSQL and Kafka; every test has its own tenant. */
@TicketServiceIT
class TicketConfigurationIT {

    @LocalServerPort
    int port;
    @Autowired
    TicketConfiguration configuration;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    KafkaAdmin kafkaAdmin;

    private RestClient http;
    private final String tenant = "tenant-" + UUID.randomUUID();

    @BeforeEach
    void setUp() {
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
    }

    @Test
    void theConfigurationTopicKeepsEveryChangeForServicesThatStartLater() throws Exception {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, EventStreams.TICKET_CONFIGURATION);
        try (AdminClient admin = AdminClient.create(kafkaAdmin.getConfigurationProperties())) {
            Config config = admin.describeConfigs(List.of(topic)).all().get(30, TimeUnit.SECONDS).get(topic);

            assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("-1");
        }
    }

    @Test
    void createsRenamesReordersAndArchivesCategoriesKeepingTheListInOrder() {
        String billing = createCategory("Billing");
        String membership = createCategory("Membership");
        String events = createCategory("Events");
        String lms = createCategory("LMS");
        assertThat(categoryNames(false)).containsExactly("Billing", "Membership", "Events", "LMS");
        assertThat(positions()).containsExactly(1, 2, 3, 4);

        ResponseEntity<JsonNode> renamed = admin(HttpMethod.PUT, "/api/tickets/categories/" + membership, """
                {"name":"  Memberships "}
                """);
        assertThat(renamed.getStatusCode().value()).isEqualTo(200);
        assertThat(renamed.getBody().get("name").asText()).isEqualTo("Memberships");

        ResponseEntity<JsonNode> moved = admin(HttpMethod.PUT, "/api/tickets/categories/" + lms, """
                {"position":1}
                """);
        assertThat(moved.getStatusCode().value()).isEqualTo(200);
        assertThat(moved.getBody().get("position").asInt()).isEqualTo(1);
        assertThat(categoryNames(false)).containsExactly("LMS", "Billing", "Memberships", "Events");

        admin(HttpMethod.PUT, "/api/tickets/categories/" + lms, """
                {"name":"Learning","position":3}
                """);
        assertThat(categoryNames(false)).containsExactly("Billing", "Memberships", "Learning", "Events");

        ResponseEntity<JsonNode> archived = admin(HttpMethod.DELETE, "/api/tickets/categories/" + billing, null);
        assertThat(archived.getStatusCode().value()).isEqualTo(204);
        assertThat(categoryNames(false)).containsExactly("Memberships", "Learning", "Events");
        assertThat(positions()).containsExactly(1, 2, 3);
        assertThat(categoryNames(true)).containsExactly("Memberships", "Learning", "Events", "Billing");
        JsonNode archivedOne = admin(HttpMethod.GET, "/api/tickets/categories/" + billing, null).getBody();
        assertThat(archivedOne.get("archived").asBoolean()).isTrue();
        assertThat(archivedOne.get("position").isNull()).isTrue();

        assertProblem(admin(HttpMethod.DELETE, "/api/tickets/categories/" + billing, null), 409,
                "CATEGORY_ALREADY_ARCHIVED");
        assertProblem(admin(HttpMethod.PUT, "/api/tickets/categories/" + billing, "{\"position\":1}"), 409,
                "CATEGORY_ARCHIVED");
        assertProblem(admin(HttpMethod.PUT, "/api/tickets/categories/" + events, "{\"position\":4}"), 422,
                "CATEGORY_POSITION_OUT_OF_RANGE", "position");
        assertProblem(admin(HttpMethod.PUT, "/api/tickets/categories/" + events, "{\"position\":0}"), 400, null,
                "position");
        assertProblem(admin(HttpMethod.PUT, "/api/tickets/categories/" + events, "{}"), 400, null, "name");
        assertThat(categoryNames(false)).containsExactly("Memberships", "Learning", "Events");
    }

    @Test
    void refusesACategoryNameTheTenantHasWhateverTheCaseAlsoUnderConcurrency() throws Exception {
        String billing = createCategory("Billing");
        String other = createCategory("Other");

        ResponseEntity<JsonNode> duplicate = admin(HttpMethod.POST, "/api/tickets/categories", """
                {"name":"  BILLING "}
                """);
        assertProblem(duplicate, 409, "CATEGORY_NAME_TAKEN", "name");
        assertThat(duplicate.getBody().get("detail").asText()).contains("'BILLING'");
        assertProblem(admin(HttpMethod.PUT, "/api/tickets/categories/" + other, "{\"name\":\"billing\"}"), 409,
                "CATEGORY_NAME_TAKEN", "name");
        assertThat(call(HttpMethod.POST, "/api/tickets/categories", "admin", "tenant-" + UUID.randomUUID(),
                "{\"name\":\"Billing\"}").getStatusCode().value()).isEqualTo(201);

        admin(HttpMethod.DELETE, "/api/tickets/categories/" + billing, null);
        assertProblem(admin(HttpMethod.POST, "/api/tickets/categories", "{\"name\":\"Billing\"}"), 409,
                "CATEGORY_NAME_TAKEN", "name");

        List<Integer> statuses = concurrently(8, i -> admin(HttpMethod.POST, "/api/tickets/categories",
                "{\"name\":\"" + (i % 2 == 0 ? "Events" : "EVENTS") + "\"}").getStatusCode().value());
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(categoryNames(false)).containsExactly("Other", statuses.indexOf(201) % 2 == 0 ? "Events" : "EVENTS");
        assertThat(positions()).containsExactly(1, 2);
    }

    @Test
    void onlyAdminsChangeTheConfigurationAndCustomersReadOnlyWhatThePortalNeeds() {
        int eventsBefore = storedEvents();

        assertProblem(call(HttpMethod.POST, "/api/tickets/categories", "agent", tenant, "{\"name\":\"Billing\"}"),
                403, "ADMIN_ONLY");
        assertProblem(call(HttpMethod.PUT, "/api/tickets/priorities", "team_lead", tenant,
                "{\"priorities\":[\"LOW\"]}"), 403, "ADMIN_ONLY");
        assertProblem(call(HttpMethod.POST, "/api/tickets/custom-fields", "agent", tenant,
                "{\"key\":\"plan\",\"label\":\"Plan\",\"type\":\"text\"}"), 403, "ADMIN_ONLY");
        assertProblem(call(HttpMethod.POST, "/api/tickets/statuses", "customer", tenant,
                "{\"label\":\"Mine\",\"status\":\"OPEN\"}"), 403, "ADMIN_ONLY");
        assertProblem(call(HttpMethod.POST, "/api/tickets/canned-responses", "agent", tenant,
                "{\"title\":\"Hi\",\"body\":\"Hello\"}"), 403, "LEADS_ONLY");
        assertThat(storedEvents()).isEqualTo(eventsBefore);

        String billing = createCategory("Billing");
        assertProblem(call(HttpMethod.DELETE, "/api/tickets/categories/" + billing, "agent", tenant, null), 403,
                "ADMIN_ONLY");
        assertProblem(call(HttpMethod.GET, "/api/tickets/categories?includeArchived=true", "agent", tenant, null),
                403, "ADMIN_ONLY");
        createField("""
                {"key":"internal_note","label":"Internal","type":"text"}
                """);
        createField("""
                {"key":"order_number","label":"Order number","type":"text","visibleToCustomers":true}
                """);

        for (String role : List.of("agent", "team_lead", "customer")) {
            ResponseEntity<JsonNode> categories = call(HttpMethod.GET, "/api/tickets/categories", role, tenant, null);
            assertThat(categories.getStatusCode().value()).isEqualTo(200);
            assertThat(categories.getBody().get("categories").findValuesAsText("name")).containsExactly("Billing");
        }
        assertThat(call(HttpMethod.GET, "/api/tickets/custom-fields", "agent", tenant, null).getBody()
                .get("customFields").findValuesAsText("key")).containsExactly("internal_note", "order_number");
        assertThat(call(HttpMethod.GET, "/api/tickets/custom-fields", "customer", tenant, null).getBody()
                .get("customFields").findValuesAsText("key")).containsExactly("order_number");
        assertThat(call(HttpMethod.GET, "/api/tickets/priorities", "agent", tenant, null).getStatusCode().value())
                .isEqualTo(200);
        for (String path : List.of("/api/tickets/priorities", "/api/tickets/statuses", "/api/tickets/canned-responses")) {
            assertProblem(call(HttpMethod.GET, path, "customer", tenant, null), 403, "STAFF_ONLY");
        }
    }

    @Test
    void answersNotFoundForUnknownIdsAndForIdsOfAnotherTenant() {
        String otherTenant = "tenant-" + UUID.randomUUID();
        String theirs = call(HttpMethod.POST, "/api/tickets/categories", "admin", otherTenant, "{\"name\":\"Theirs\"}")
                .getBody().get("categoryId").asText();
        String field = createField("""
                {"key":"plan","label":"Plan","type":"text"}
                """);

        for (String id : List.of(theirs, UUID.randomUUID().toString(), field, "not-a-uuid")) {
            assertProblem(admin(HttpMethod.GET, "/api/tickets/categories/" + id, null), 404, "CATEGORY_NOT_FOUND");
            assertProblem(admin(HttpMethod.PUT, "/api/tickets/categories/" + id, "{\"name\":\"Mine\"}"), 404,
                    "CATEGORY_NOT_FOUND");
            assertProblem(admin(HttpMethod.DELETE, "/api/tickets/categories/" + id, null), 404, "CATEGORY_NOT_FOUND");
        }
        assertProblem(admin(HttpMethod.PUT, "/api/tickets/custom-fields/" + theirs, "{\"label\":\"Mine\"}"), 404,
                "CUSTOM_FIELD_NOT_FOUND");
        assertProblem(admin(HttpMethod.PUT, "/api/tickets/statuses/" + theirs, "{\"label\":\"Mine\"}"), 404,
                "STATUS_LABEL_NOT_FOUND");
        assertProblem(admin(HttpMethod.DELETE, "/api/tickets/canned-responses/" + theirs, null), 404,
                "CANNED_RESPONSE_NOT_FOUND");
        assertThat(call(HttpMethod.GET, "/api/tickets/categories", "admin", otherTenant, null).getBody()
                .get("categories").findValuesAsText("name")).containsExactly("Theirs");
    }

    @Test
    void validatesCustomFieldDefinitions() {
        assertProblem(admin(HttpMethod.POST, "/api/tickets/custom-fields", """
                {"key":"plan","label":"Plan","type":"dropdown"}
                """), 400, "CUSTOM_FIELD_OPTIONS_REQUIRED", "options");
        assertProblem(admin(HttpMethod.POST, "/api/tickets/custom-fields", """
                {"key":"plan","label":"Plan","type":"text","options":["a"]}
                """), 400, "CUSTOM_FIELD_OPTIONS_FORBIDDEN", "options");
        assertProblem(admin(HttpMethod.POST, "/api/tickets/custom-fields", """
                {"key":"plan","label":"Plan","type":"multi_select","options":["a","b","a"]}
                """), 400, "CUSTOM_FIELD_OPTIONS_INVALID", "options");
        assertProblem(admin(HttpMethod.POST, "/api/tickets/custom-fields", """
                {"key":"Order-No","label":"Order","type":"text"}
                """), 400, "CUSTOM_FIELD_KEY_INVALID", "key");
        assertProblem(admin(HttpMethod.POST, "/api/tickets/custom-fields", """
                {"key":"plan","label":"Plan","type":"currency"}
                """), 400, "CUSTOM_FIELD_TYPE_UNKNOWN", "type");
        assertProblem(admin(HttpMethod.POST, "/api/tickets/custom-fields", """
                {"key":"plan","type":"text"}
                """), 400, null, "label");
        assertProblem(admin(HttpMethod.POST, "/api/tickets/custom-fields", """
                {"key":"plan","label":"Plan","type":"checkbox","required":"maybe"}
                """), 400, null, "required");

        ResponseEntity<JsonNode> created = admin(HttpMethod.POST, "/api/tickets/custom-fields", """
                {"key":"plan","label":"Plan","type":"dropdown","options":["Free","Pro"],"required":true}
                """);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        String plan = created.getBody().get("fieldId").asText();
        assertThat(created.getHeaders().getLocation()).hasToString("/api/tickets/custom-fields/" + plan);
        assertThat(created.getBody().get("type").asText()).isEqualTo("dropdown");
        assertThat(created.getBody().get("visibleToCustomers").asBoolean()).isFalse();

        assertProblem(admin(HttpMethod.POST, "/api/tickets/custom-fields", """
                {"key":"plan","label":"Another plan","type":"text"}
                """), 409, "CUSTOM_FIELD_KEY_TAKEN", "key");
        assertProblem(admin(HttpMethod.PUT, "/api/tickets/custom-fields/" + plan, "{\"type\":\"multi_select\"}"), 422,
                "CUSTOM_FIELD_TYPE_IMMUTABLE", "type");
        assertProblem(admin(HttpMethod.PUT, "/api/tickets/custom-fields/" + plan, "{\"key\":\"tier\"}"), 422,
                "CUSTOM_FIELD_KEY_IMMUTABLE", "key");

        ResponseEntity<JsonNode> changed = admin(HttpMethod.PUT, "/api/tickets/custom-fields/" + plan, """
                {"label":"Subscription plan","options":["Free","Pro","Enterprise"],"visibleToCustomers":true}
                """);
        assertThat(changed.getStatusCode().value()).isEqualTo(200);
        assertThat(changed.getBody().get("label").asText()).isEqualTo("Subscription plan");
        assertThat(json.convertValue(changed.getBody().get("options"), List.class))
                .containsExactly("Free", "Pro", "Enterprise");
        assertThat(changed.getBody().get("required").asBoolean()).isTrue();

        assertThat(admin(HttpMethod.DELETE, "/api/tickets/custom-fields/" + plan, null).getStatusCode().value())
                .isEqualTo(204);
        assertProblem(admin(HttpMethod.DELETE, "/api/tickets/custom-fields/" + plan, null), 409,
                "CUSTOM_FIELD_RETIRED");
        assertProblem(admin(HttpMethod.PUT, "/api/tickets/custom-fields/" + plan, "{\"label\":\"Again\"}"), 409,
                "CUSTOM_FIELD_RETIRED");
        assertThat(admin(HttpMethod.GET, "/api/tickets/custom-fields", null).getBody().get("customFields")).isEmpty();
        assertThat(admin(HttpMethod.GET, "/api/tickets/custom-fields?includeRetired=true", null).getBody()
                .get("customFields").findValuesAsText("key")).containsExactly("plan");
        assertProblem(admin(HttpMethod.POST, "/api/tickets/custom-fields", """
                {"key":"plan","label":"Plan again","type":"text"}
                """), 409, "CUSTOM_FIELD_KEY_TAKEN", "key");
    }

    @Test
    void replacesPrioritiesAndReadsThemBack() {
        assertThat(priorities()).containsExactly("LOW", "MEDIUM", "HIGH", "URGENT");

        ResponseEntity<JsonNode> replaced = admin(HttpMethod.PUT, "/api/tickets/priorities", """
                {"priorities":["P4","P3","P2","P1","SEV_0"]}
                """);
        assertThat(replaced.getStatusCode().value()).isEqualTo(200);
        assertThat(priorities()).containsExactly("P4", "P3", "P2", "P1", "SEV_0");

        assertProblem(admin(HttpMethod.PUT, "/api/tickets/priorities", "{\"priorities\":[\"low\"]}"), 400,
                "PRIORITY_NAME_INVALID", "priorities");
        assertProblem(admin(HttpMethod.PUT, "/api/tickets/priorities", "{\"priorities\":[]}"), 400,
                "PRIORITIES_COUNT", "priorities");
        assertProblem(admin(HttpMethod.PUT, "/api/tickets/priorities", "{\"priorities\":" + IntStream.rangeClosed(1, 11)
                .mapToObj(i -> "\"P" + i + "\"").toList() + "}"), 400, "PRIORITIES_COUNT", "priorities");
        assertProblem(admin(HttpMethod.PUT, "/api/tickets/priorities", "{\"priorities\":[\"LOW\",\"LOW\"]}"), 400,
                "PRIORITIES_DUPLICATED", "priorities");
        assertProblem(admin(HttpMethod.PUT, "/api/tickets/priorities", "{}"), 400, null, "priorities");
        assertThat(priorities()).containsExactly("P4", "P3", "P2", "P1", "SEV_0");
        assertThat(json.convertValue(call(HttpMethod.GET, "/api/tickets/priorities", "agent",
                "tenant-" + UUID.randomUUID(), null).getBody().get("priorities"), List.class))
                .containsExactly("LOW", "MEDIUM", "HIGH", "URGENT");
    }

    @Test
    void definesStatusLabelsUniquePerTenant() {
        ResponseEntity<JsonNode> created = admin(HttpMethod.POST, "/api/tickets/statuses", """
                {"label":"Waiting for vendor","status":"ON_HOLD"}
                """);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        String vendor = created.getBody().get("labelId").asText();
        assertThat(created.getHeaders().getLocation()).hasToString("/api/tickets/statuses/" + vendor);

        assertProblem(admin(HttpMethod.POST, "/api/tickets/statuses", """
                {"label":"waiting FOR vendor","status":"PENDING"}
                """), 409, "STATUS_LABEL_TAKEN", "label");
        assertProblem(admin(HttpMethod.POST, "/api/tickets/statuses", """
                {"label":"Parked","status":"SNOOZED"}
                """), 400, null, "status");
        assertProblem(admin(HttpMethod.POST, "/api/tickets/statuses", """
                {"status":"OPEN"}
                """), 400, null, "label");

        admin(HttpMethod.POST, "/api/tickets/statuses", "{\"label\":\"Triage\",\"status\":\"NEW\"}");
        ResponseEntity<JsonNode> remapped = admin(HttpMethod.PUT, "/api/tickets/statuses/" + vendor,
                "{\"status\":\"PENDING\"}");
        assertThat(remapped.getStatusCode().value()).isEqualTo(200);
        assertThat(remapped.getBody().get("status").asText()).isEqualTo("PENDING");
        assertThat(remapped.getBody().get("label").asText()).isEqualTo("Waiting for vendor");
        assertThat(admin(HttpMethod.GET, "/api/tickets/statuses", null).getBody().get("statuses")
                .findValuesAsText("label")).containsExactly("Triage", "Waiting for vendor");
    }

    @Test
    void savesCannedResponsesRefusingUnknownPlaceholders() {
        ResponseEntity<JsonNode> unknown = admin(HttpMethod.POST, "/api/tickets/canned-responses", """
                {"title":"Fixed","body":"Hi {{customer.nickname}}, #{{ticket.number}} is fixed by {{agent.phone}}"}
                """);
        assertProblem(unknown, 400, "CANNED_RESPONSE_UNKNOWN_PLACEHOLDER", "body");
        assertThat(unknown.getBody().get("detail").asText()).contains("{{customer.nickname}}", "{{agent.phone}}");
        assertThat(json.convertValue(unknown.getBody().get("unknownPlaceholders"), List.class))
                .containsExactly("{{customer.nickname}}", "{{agent.phone}}");
        assertProblem(admin(HttpMethod.POST, "/api/tickets/canned-responses", """
                {"title":"Fixed","body":"Hi","actions":{"setStatus":"DONE"}}
                """), 400, null, "actions.setStatus");
        assertProblem(admin(HttpMethod.POST, "/api/tickets/canned-responses", """
                {"body":"Hi"}
                """), 400, null, "title");

        ResponseEntity<JsonNode> created = admin(HttpMethod.POST, "/api/tickets/canned-responses", """
                {"title":"Fixed","body":"Hi {{customer.name}}, #{{ticket.number}} is fixed. {{agent.name}}",
                 "actions":{"setStatus":"RESOLVED","resolutionSummary":"Fixed","addTags":["fixed"],"assignGroupId":"tier-2"}}
                """);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        String id = created.getBody().get("cannedResponseId").asText();
        assertThat(created.getBody().at("/actions/setStatus").asText()).isEqualTo("RESOLVED");
        assertThat(created.getBody().at("/actions/addTags/0").asText()).isEqualTo("fixed");

        ResponseEntity<JsonNode> changed = admin(HttpMethod.PUT, "/api/tickets/canned-responses/" + id, """
                {"title":"Fixed for good"}
                """);
        assertThat(changed.getBody().get("title").asText()).isEqualTo("Fixed for good");
        assertThat(changed.getBody().at("/actions/assignGroupId").asText()).isEqualTo("tier-2");
        assertThat(call(HttpMethod.GET, "/api/tickets/canned-responses", "agent", tenant, null).getBody()
                .get("cannedResponses").findValuesAsText("title")).containsExactly("Fixed for good");

        assertThat(admin(HttpMethod.DELETE, "/api/tickets/canned-responses/" + id, null).getStatusCode().value())
                .isEqualTo(204);
        assertProblem(admin(HttpMethod.GET, "/api/tickets/canned-responses/" + id, null), 404,
                "CANNED_RESPONSE_NOT_FOUND");
        assertThat(admin(HttpMethod.GET, "/api/tickets/canned-responses", null).getBody().get("cannedResponses"))
                .isEmpty();
    }

    @Test
    void publishesEveryChangeOnTheConfigurationTopicKeyedByTheItemId() throws Exception {
        try (EventTopic topic = new EventTopic(EventStreams.TICKET_CONFIGURATION)) {
            String billing = createCategory("Billing");
            String events = createCategory("Events");
            admin(HttpMethod.PUT, "/api/tickets/categories/" + billing, "{\"name\":\"Invoices\"}");
            admin(HttpMethod.PUT, "/api/tickets/categories/" + events, "{\"position\":1}");
            admin(HttpMethod.PUT, "/api/tickets/priorities", "{\"priorities\":[\"LOW\",\"HIGH\"]}");

            List<ConsumerRecord<String, String>> ofBilling = topic.await(r -> billing.equals(r.key()), 3,
                    Duration.ofSeconds(30));
            assertThat(ofBilling).extracting(this::type).containsExactly("autocrm.category.created.v1",
                    "autocrm.category.renamed.v1", "autocrm.category.moved.v1");
            assertThat(ofBilling).extracting(r -> envelope(r).get("sequence").asLong()).containsExactly(0L, 1L, 2L);
            JsonNode moved = envelope(ofBilling.get(2));
            assertThat(moved.get("subject").asText()).isEqualTo(billing);
            assertThat(moved.get("tenantId").asText()).isEqualTo(tenant);
            assertThat(moved.at("/data/position").asInt()).isEqualTo(2);
            assertThat(moved.at("/data/by/role").asText()).isEqualTo("admin");
            assertValidEnvelope(moved);

            List<ConsumerRecord<String, String>> ofEvents = topic.await(r -> events.equals(r.key()), 2,
                    Duration.ofSeconds(30));
            assertThat(ofEvents).extracting(this::type).containsExactly("autocrm.category.created.v1",
                    "autocrm.category.moved.v1");

            ConsumerRecord<String, String> priorities = topic.await(r -> ("priorities:" + tenant).equals(r.key()), 1,
                    Duration.ofSeconds(30)).get(0);
            assertThat(type(priorities)).isEqualTo("autocrm.priorities.defined.v1");
            assertThat(json.convertValue(envelope(priorities).at("/data/priorities"), List.class))
                    .containsExactly("LOW", "HIGH");
        }
    }

    @Test
    void theTicketRulesSeeEveryChangeAsSoonAsTheCommandReturns() {
        assertThat(processing.eventProcessor(ConfigurationViews.PROCESSING_GROUP))
                .containsInstanceOf(SubscribingEventProcessor.class);
        assertThat(processing.listenerInvocationErrorHandler(ConfigurationViews.PROCESSING_GROUP))
                .isInstanceOf(PropagatingErrorHandler.class);

        String billing = createCategory("Billing");
        assertThat(configuration.category(tenant, billing)).isEqualTo(CategoryState.ACTIVE);
        assertThat(configuration.category("tenant-" + UUID.randomUUID(), billing)).isEqualTo(CategoryState.UNKNOWN);
        assertThat(configuration.category(tenant, UUID.randomUUID().toString())).isEqualTo(CategoryState.UNKNOWN);
        admin(HttpMethod.DELETE, "/api/tickets/categories/" + billing, null);
        assertThat(configuration.category(tenant, billing)).isEqualTo(CategoryState.ARCHIVED);

        assertThat(configuration.priorities(tenant)).containsExactly("LOW", "MEDIUM", "HIGH", "URGENT");
        admin(HttpMethod.PUT, "/api/tickets/priorities", "{\"priorities\":[\"MINOR\",\"MAJOR\",\"CRITICAL\"]}");
        assertThat(configuration.priorities(tenant)).containsExactly("MINOR", "MAJOR", "CRITICAL");

        String plan = createField("""
                {"key":"plan","label":"Plan","type":"multi_select","options":["Free","Pro"],"visibleToCustomers":true}
                """);
        createField("""
                {"key":"seats","label":"Seats","type":"number","required":true}
                """);
        admin(HttpMethod.DELETE, "/api/tickets/custom-fields/" + plan, null);
        Map<String, CustomFieldDefinition> fields = configuration.customFields(tenant);
        assertThat(fields.keySet()).containsExactly("plan", "seats");
        assertThat(fields.get("plan")).isEqualTo(new CustomFieldDefinition("plan", "Plan", FieldType.MULTI_SELECT,
                List.of("Free", "Pro"), false, true, true));
        assertThat(fields.get("seats")).isEqualTo(new CustomFieldDefinition("seats", "Seats", FieldType.NUMBER,
                List.of(), true, false, false));

        assertThat(configuration.statusOfLabel(tenant, "Waiting for vendor")).isEmpty();
        admin(HttpMethod.POST, "/api/tickets/statuses", "{\"label\":\"Waiting for vendor\",\"status\":\"ON_HOLD\"}");
        assertThat(configuration.statusOfLabel(tenant, "waiting for VENDOR")).contains(TicketStatus.ON_HOLD);
        assertThat(configuration.statusOfLabel("tenant-" + UUID.randomUUID(), "Waiting for vendor")).isEmpty();
    }

    private String createCategory(String name) {
        ResponseEntity<JsonNode> response = admin(HttpMethod.POST, "/api/tickets/categories",
                "{\"name\":\"" + name + "\"}");
        assertThat(response.getStatusCode().value()).isEqualTo(201);
        String id = response.getBody().get("categoryId").asText();
        assertThat(response.getHeaders().getLocation()).hasToString("/api/tickets/categories/" + id);
        return id;
    }

    private String createField(String body) {
        ResponseEntity<JsonNode> response = admin(HttpMethod.POST, "/api/tickets/custom-fields", body);
        assertThat(response.getStatusCode().value()).isEqualTo(201);
        return response.getBody().get("fieldId").asText();
    }

    private List<String> categoryNames(boolean includeArchived) {
        return admin(HttpMethod.GET, "/api/tickets/categories" + (includeArchived ? "?includeArchived=true" : ""), null)
                .getBody().get("categories").findValuesAsText("name");
    }

    private List<Integer> positions() {
        List<Integer> positions = new ArrayList<>();
        admin(HttpMethod.GET, "/api/tickets/categories", null).getBody().get("categories")
                .forEach(category -> positions.add(category.get("position").asInt()));
        return positions;
    }

    @SuppressWarnings("unchecked")
    private List<String> priorities() {
        return json.convertValue(admin(HttpMethod.GET, "/api/tickets/priorities", null).getBody().get("priorities"),
                List.class);
    }

    private ResponseEntity<JsonNode> admin(HttpMethod method, String path, String body) {
        return call(method, path, "admin", tenant, body);
    }

    private ResponseEntity<JsonNode> call(HttpMethod method, String path, String role, String tenantId, String body) {
        RestClient.RequestBodySpec request = http.method(method).uri(path)
                .header("X-AutoCRM-Tenant", tenantId)
                .header("X-AutoCRM-User", "ada")
                .header("X-AutoCRM-Role", role);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.retrieve().toEntity(JsonNode.class);
    }

    private <T> List<T> concurrently(int times, IntFunction<T> action) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(times);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> results = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                int n = i;
                results.add(pool.submit((Callable<T>) () -> {
                    start.await();
                    return action.apply(n);
                }));
            }
            start.countDown();
            List<T> values = new ArrayList<>();
            for (Future<T> result : results) {
                values.add(result.get());
            }
            return values;
        } finally {
            pool.shutdownNow();
        }
    }

    private int storedEvents() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Integer.class);
    }

    private String type(ConsumerRecord<String, String> record) {
        return new String(record.headers().lastHeader(EventStreams.TYPE_HEADER).value(), StandardCharsets.UTF_8);
    }

    private JsonNode envelope(ConsumerRecord<String, String> record) {
        try {
            return json.readTree(record.value());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + record.value(), e);
        }
    }

    private static void assertValidEnvelope(JsonNode event) throws Exception {
        try (InputStream schema = EventTypes.class.getResourceAsStream(EventTypes.ENVELOPE_SCHEMA)) {
            assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema).validate(event))
                    .isEmpty();
        }
    }

    /** A problem response with this status, stable code (if given) and field named (if given). */
    private static void assertProblem(ResponseEntity<JsonNode> response, int status, String code, String... fields) {
        assertThat(response.getStatusCode().value()).as("status of %s", response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("status").asInt()).isEqualTo(status);
        if (code != null) {
            assertThat(response.getBody().get("code").asText()).isEqualTo(code);
        }
        for (String field : fields) {
            assertThat(response.getBody().get("detail").asText()).contains(field);
            assertThat(response.getBody().get("errors").findValuesAsText("field")).contains(field);
        }
    }
}
