package org.autocrm.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.autocrm.events.EventTypes.Registration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps the records, the JSON Schemas and the AsyncAPI document of the contract in agreement: for
 * every registration in {@link EventTypes#all()} the schema describes the record exactly as Jackson
 * writes it, the AsyncAPI document has the message on the right channel with valid examples, and a
 * sample of the record (once with every field set, once with every nullable field null) validates.
 */
class TicketEventContractTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig STRICT_FORMATS = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();
    private static final String SCHEMA_FOLDER = "/org/autocrm/events/schemas/";

    // ------------------------------------------------------------------------------------------
    // Samples: one entry per payload record, a list of instances. Between them every field is set at
    // least once and every nullable field is null at least once; the first sets as much as it can,
    // a later one sets every nullable field to null (TicketAssigned needs two: agent and group).

    private static final String TENANT = "acme-support";
    private static final String TICKET = "0f1c2d3e-4b5a-4c6d-8e7f-901a2b3c4d5e";
    private static final String OTHER_TICKET = "3a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d";
    private static final String CUSTOMER = "7d3e9a10-1111-4a2b-9c3d-2e4f5a6b7c8d";
    private static final String GROUP = "5c1d2e3f-7a8b-4c9d-8e0f-1a2b3c4d5e6f";
    private static final String CATEGORY = "2b4d6f80-1a3c-4e5f-8a7b-9c0d1e2f3a4b";
    private static final String OTHER_CATEGORY = "2b4d6f80-1a3c-4e5f-8a7b-9c0d1e2f3a4c";
    private static final String MESSAGE = "c1a2b3d4-e5f6-4a7b-8c9d-0e1f2a3b4c51";
    private static final String THREAD = "e0f1a2b3-c4d5-4e6f-8a7b-9c0d1e2f3a41";
    private static final String ATTACHMENT = "f9e8d7c6-b5a4-4938-8271-6a5b4c3d2e11";
    private static final Actor MARIA = new Actor("maria", "agent");
    private static final Actor SARAH = new Actor(CUSTOMER, "customer");
    private static final Actor ADMIN = new Actor("dana", "admin");
    private static final Instant AT = Instant.parse("2026-11-22T09:15:02.123Z");
    private static final String POLICY = "6f0e2d1c-3b4a-4c5d-8e9f-0a1b2c3d4e5f";
    private static final Actor ROUTING = new Actor("routing-service", "system");

    private static final Map<Class<? extends PublishedEvent>, List<PublishedEvent>> SAMPLES = samples(
            List.of(
                    new TicketCreated(TICKET, TENANT, 1042, "Cannot access dashboard", "Since the password reset.",
                            CUSTOMER, "HIGH", TicketStatus.OPEN, "phone", "en", CATEGORY, List.of("login", "sso"),
                            customFieldsOfEveryKind(), OTHER_TICKET, MARIA, AT),
                    new TicketCreated(TICKET, TENANT, 1042, "Cannot access dashboard", "", CUSTOMER, "HIGH",
                            TicketStatus.OPEN, "email", null, null, List.of(), Map.of(), null, SARAH, AT)),
            List.of(new TicketDetailsChanged(TICKET, TENANT, "Cannot access dashboard", "12 users affected.", MARIA, AT)),
            List.of(
                    new TicketStatusChanged(TICKET, TENANT, TicketStatus.ON_HOLD, TicketStatus.RESOLVED,
                            "Solved", "manual", "Renewed the SSO certificate.", MARIA, AT),
                    new TicketStatusChanged(TICKET, TENANT, TicketStatus.PENDING, TicketStatus.OPEN, null,
                            "customer_reply", null, SARAH, AT)),
            List.of(new TicketPriorityChanged(TICKET, TENANT, "HIGH", "URGENT", MARIA, AT)),
            List.of(
                    new TicketAssigned(TICKET, TENANT, "alex", null, "maria", GROUP, MARIA, AT),
                    new TicketAssigned(TICKET, TENANT, "maria", null, null, null, MARIA, AT),
                    new TicketAssigned(TICKET, TENANT, null, GROUP, null, null, MARIA, AT),
                    new TicketAssigned(TICKET, TENANT, null, GROUP, null, null,
                            new Actor("routing-service", "automation", "rule:r-123,round_robin"), AT)),
            List.of(
                    new TicketUnassigned(TICKET, TENANT, "maria", GROUP, MARIA, AT),
                    new TicketUnassigned(TICKET, TENANT, null, null, MARIA, AT)),
            List.of(
                    new TicketEscalated(TICKET, TENANT, 2, GROUP, "SLA breached", new Actor("sla-timer", "system"), AT),
                    new TicketEscalated(TICKET, TENANT, 2, null, null, MARIA, AT)),
            List.of(new TicketMessageAdded(TICKET, TENANT, MESSAGE, THREAD, "internal", "internal", "@alex please look",
                    List.of("alex"), List.of(ATTACHMENT), MARIA, AT)),
            List.of(
                    new TicketAttachmentAdded(TICKET, TENANT, ATTACHMENT, MESSAGE, "screenshot.png", "image/png", 184322,
                            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", SARAH, AT),
                    new TicketAttachmentAdded(TICKET, TENANT, ATTACHMENT, null, "log.txt", "text/plain", 0,
                            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", MARIA, AT)),
            List.of(
                    new TicketCategoryChanged(TICKET, TENANT, CATEGORY, OTHER_CATEGORY, MARIA, AT),
                    new TicketCategoryChanged(TICKET, TENANT, null, null, MARIA, AT)),
            List.of(new TicketTagsChanged(TICKET, TENANT, List.of("sso"), List.of("vip"), List.of("login", "sso"), MARIA, AT)),
            List.of(
                    new TicketCustomFieldChanged(TICKET, TENANT, "plan", "Pro", "Enterprise", MARIA, AT),
                    new TicketCustomFieldChanged(TICKET, TENANT, "plan", null, null, MARIA, AT)),
            List.of(new TicketMerged(OTHER_TICKET, TENANT, TICKET, MARIA, AT)),
            List.of(new TicketMergeReceived(TICKET, TENANT, OTHER_TICKET, 1043,
                    List.of(new MergedMessage(MESSAGE, THREAD, "external", "public", "Still broken", SARAH, AT,
                            List.of(ATTACHMENT))),
                    List.of(ATTACHMENT), MARIA, AT)),
            List.of(new TicketLinked(TICKET, TENANT, OTHER_TICKET, "related", MARIA, AT)),
            List.of(
                    new TicketSatisfactionRated(TICKET, TENANT, "five_point", 5, "Thanks!", SARAH, AT),
                    new TicketSatisfactionRated(TICKET, TENANT, "good_bad", 0, null, SARAH, AT)),
            List.of(
                    new CustomerCreated(CUSTOMER, TENANT, "Sarah Chen", List.of("sarah.chen@acme-corp.com"),
                            "+14155550142", "Acme Corp", "enterprise", "en", "America/Los_Angeles", "CRM-00421", MARIA, AT),
                    new CustomerCreated(CUSTOMER, TENANT, "Sarah Chen", List.of(), null, null, null, null, null, null,
                            MARIA, AT)),
            List.of(
                    new CustomerUpdated(CUSTOMER, TENANT, "Sarah Chen", List.of("sarah.chen@acme-corp.com", "s.chen@acme-corp.com"),
                            "+14155550142", "Acme Corp", "enterprise", "en", "America/Los_Angeles", "CRM-00421", MARIA, AT),
                    new CustomerUpdated(CUSTOMER, TENANT, "Sarah Chen", List.of("sarah.chen@acme-corp.com"), null, null,
                            null, null, null, null, MARIA, AT)),
            List.of(new CategoryCreated(CATEGORY, TENANT, "Account & login", 0, ADMIN, AT)),
            List.of(new CategoryRenamed(CATEGORY, TENANT, "Access", ADMIN, AT)),
            List.of(new CategoryMoved(CATEGORY, TENANT, 3, ADMIN, AT)),
            List.of(new CategoryArchived(CATEGORY, TENANT, ADMIN, AT)),
            List.of(new CustomFieldDefined("field-1", TENANT, "plan", "Plan", "dropdown", List.of("Pro", "Enterprise"),
                    true, false, ADMIN, AT)),
            List.of(new CustomFieldChanged("field-1", TENANT, "Subscription plan", List.of("Pro", "Enterprise"), false,
                    true, ADMIN, AT)),
            List.of(new CustomFieldRetired("field-1", TENANT, ADMIN, AT)),
            List.of(
                    new CannedResponseSaved("canned-1", TENANT, "Password reset", "Hi {{customer.name}}, ...",
                            new CannedAction(TicketStatus.PENDING, List.of("login"), GROUP), ADMIN, AT),
                    new CannedResponseSaved("canned-1", TENANT, "Password reset", "Hi", null, ADMIN, AT),
                    new CannedResponseSaved("canned-1", TENANT, "Solved", "Hi {{customer.name}}, fixed in {{ticket.number}}",
                            new CannedAction(TicketStatus.RESOLVED, "Reset the password", "HIGH", List.of("solved"),
                                    List.of("waiting"), CannedAction.ME, GROUP, true), ADMIN, AT),
                    new CannedResponseSaved("canned-1", TENANT, "Password reset", "Hi",
                            new CannedAction(null, null, null), ADMIN, AT)),
            List.of(new CannedResponseDeleted("canned-1", TENANT, ADMIN, AT)),
            List.of(new StatusLabelDefined("label-1", TENANT, "Waiting for vendor", TicketStatus.ON_HOLD, ADMIN, AT)),
            List.of(new PrioritiesDefined(TENANT, TENANT, List.of("LOW", "MEDIUM", "HIGH", "URGENT"), ADMIN, AT)),
            List.of(
                    new SecurityEventRecorded("audit-1", TENANT, "role_changed", "alex", "alex@acme-support.example",
                            "203.0.113.7", Map.of("role", "team_lead", "previousRole", "agent"), ADMIN, AT),
                    new SecurityEventRecorded("audit-2", TENANT, "login_failed", null, null, null, Map.of(),
                            new Actor("anonymous", "system"), AT)),
            List.of(
                    new SlaClockChanged(TICKET, TENANT, POLICY, "Business hours", List.of(
                            new SlaTargetState("first_response", "fulfilled", AT.plusSeconds(14400), AT.plusSeconds(12600),
                                    193, AT.plusSeconds(2800), null),
                            new SlaTargetState("resolution", "breached", AT.plusSeconds(57600), null, -5, null,
                                    AT.plusSeconds(57600))), ROUTING, AT),
                    new SlaClockChanged(TICKET, TENANT, null, null, List.of(
                            new SlaTargetState("next_response", "paused", null, null, 30, null, null)), ROUTING, AT)),
            List.of(new SlaWarningReached(TICKET, TENANT, POLICY, "first_response", AT.plusSeconds(1800), ROUTING, AT)),
            List.of(new SlaBreached(TICKET, TENANT, POLICY, "resolution", AT, ROUTING, AT)));

    /** Custom field values of every kind: text, number, date, dropdown, multi_select, checkbox, cleared. */
    private static Map<String, Object> customFieldsOfEveryKind() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("plan", "Enterprise");
        values.put("affected_users", 12);
        values.put("budget", 1250.5);
        values.put("renewal", "2027-01-31");
        values.put("modules", List.of("dashboard", "reports"));
        values.put("vip", true);
        values.put("legacy_id", null);
        return values;
    }

    // ------------------------------------------------------------------------------------------
    // Every registration: schema, AsyncAPI message, examples, samples.

    static Stream<Registration> registrations() {
        return EventTypes.all().stream();
    }

    @Test
    void theRegistryHasOneEntryPerTypeAndPayloadOnTheFourTopics() {
        assertThat(EventTypes.all()).hasSize(33);
        assertThat(EventTypes.types()).hasSize(EventTypes.all().size());
        assertThat(EventTypes.all().stream().map(Registration::payload).distinct()).hasSize(EventTypes.all().size());
        assertThat(EventTypes.all().stream().map(Registration::topic).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(EventStreams.TICKETS, EventStreams.CUSTOMERS, EventStreams.TICKET_CONFIGURATION,
                        EventStreams.SLA, EventStreams.SECURITY);
        for (Registration registration : EventTypes.all()) {
            assertThat(registration.payload().isRecord()).as("%s is a record", registration.payload()).isTrue();
            String expectedTopic = TicketEvent.class.isAssignableFrom(registration.payload()) ? EventStreams.TICKETS
                    : CustomerEvent.class.isAssignableFrom(registration.payload()) ? EventStreams.CUSTOMERS
                    : SecurityEvent.class.isAssignableFrom(registration.payload()) ? EventStreams.SECURITY
                    : SlaEvent.class.isAssignableFrom(registration.payload()) ? EventStreams.SLA
                    : EventStreams.TICKET_CONFIGURATION;
            assertThat(registration.topic()).as("topic of %s", registration.type()).isEqualTo(expectedTopic);
            assertThat(EventTypes.of(registration.payload())).isEqualTo(registration);
            assertThat(EventTypes.payloadOf(registration.type())).contains(registration.payload());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registrations")
    void schemaDescribesTheRecordAsJacksonWritesIt(Registration registration) throws IOException {
        JsonNode schema = schema(registration.type());

        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("title").asText()).isEqualTo(registration.type());
        assertThat(schema.path("description").asText()).as("description").hasSizeGreaterThan(40);
        assertThat(schema.path("additionalProperties").asBoolean(false)).as("additionalProperties").isTrue();
        schema.path("properties").fields().forEachRemaining(property -> assertThat(property.getValue().path("description").asText())
                .as("description of %s", property.getKey()).isNotBlank());
        assertThat(schema.at("/$defs/actor")).as("$defs.actor").isEqualTo(schema("autocrm.ticket.created.v1").at("/$defs/actor"));

        assertMatches(schema, schema, registration.payload(), registration.type());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registrations")
    void asyncApiDocumentsTheTypeOnTheChannelOfItsTopic(Registration registration) throws IOException {
        JsonNode asyncApi = asyncApi();
        List<String> channelsOfTopic = new ArrayList<>();
        asyncApi.path("channels").fields().forEachRemaining(channel -> {
            if (channel.getValue().path("address").asText().equals(registration.topic())) {
                channelsOfTopic.add(channel.getKey());
            }
        });
        assertThat(channelsOfTopic).as("channels with address %s", registration.topic()).hasSize(1);
        String channel = channelsOfTopic.get(0);

        String messageKey = messageKeyOnChannel(asyncApi, channel, registration.type());
        JsonNode message = asyncApi.at("/components/messages/" + messageKey);
        assertThat(message.path("title").asText()).as("title").isNotBlank();
        assertThat(message.path("summary").asText()).as("summary").isNotBlank();
        assertThat(message.at("/headers/properties/ce_type/const").asText()).isEqualTo(registration.type());
        assertThat(message.at("/headers/properties/ce_id/type").asText()).isEqualTo("string");
        assertThat(message.at("/payload/allOf/0/$ref").asText()).isEqualTo("./schemas/envelope.v1.schema.json");
        assertThat(message.at("/payload/allOf/1/properties/type/const").asText()).isEqualTo(registration.type());
        assertThat(message.at("/payload/allOf/1/properties/data/$ref").asText())
                .isEqualTo("./schemas/" + registration.type() + ".schema.json");
        assertThat(message.path("examples")).as("examples of %s", registration.type()).isNotEmpty();

        String reference = "#/channels/" + channel + "/messages/" + messageKey;
        List<String> receivedBy = new ArrayList<>();
        asyncApi.path("operations").fields().forEachRemaining(operation -> {
            JsonNode value = operation.getValue();
            if (value.path("action").asText().equals("receive")
                    && value.at("/channel/$ref").asText().equals("#/channels/" + channel)) {
                value.path("messages").forEach(m -> {
                    if (m.path("$ref").asText().equals(reference)) {
                        receivedBy.add(operation.getKey());
                    }
                });
            }
        });
        assertThat(receivedBy).as("receive operations on %s listing %s", channel, registration.type()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registrations")
    void asyncApiExamplesAreValidEventsThatDeserialiseIntoTheRecord(Registration registration) throws IOException {
        JsonNode asyncApi = asyncApi();
        JsonNode message = asyncApi.at("/components/messages/" + messageKey(asyncApi, registration.type()));
        JavaType envelopeType = JSON.getTypeFactory().constructParametricType(EventEnvelope.class, registration.payload());

        for (JsonNode example : message.path("examples")) {
            String name = registration.type() + " example " + example.path("name").asText();
            assertThat(example.path("name").asText()).as("name of an example of %s", registration.type()).isNotBlank();
            assertThat(example.path("summary").asText()).as("summary of %s", name).isNotBlank();
            JsonNode event = example.path("payload");
            assertThat(validate(EventTypes.ENVELOPE_SCHEMA, event)).as(name).isEmpty();
            assertThat(validate(EventTypes.schemaResource(registration.type()), event.path("data"))).as(name).isEmpty();
            assertThat(event.path("type").asText()).as(name).isEqualTo(registration.type());
            assertThat(example.at("/headers/ce_type").asText()).as(name).isEqualTo(registration.type());
            assertThat(example.at("/headers/ce_id").asText()).as(name).isEqualTo(event.path("id").asText());

            EventEnvelope<?> envelope = JSON.convertValue(event, envelopeType);
            PublishedEvent data = (PublishedEvent) envelope.data();
            assertThat(data).as(name).isInstanceOf(registration.payload());
            assertThat(envelope.subject()).as("subject of %s", name).isEqualTo(data.aggregateId());
            assertThat(envelope.tenantId()).as("tenantId of %s", name).isEqualTo(data.tenantId());
            assertThat(componentNames(registration.payload()))
                    .as("%s shows every field", name)
                    .allMatch(field -> event.path("data").has(field));
            assertThat(validate(EventTypes.schemaResource(registration.type()), JSON.valueToTree(data)))
                    .as("%s written back by Jackson", name).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registrations")
    void recordSamplesSerialiseToValidEventsIncludingEveryNullableFieldNull(Registration registration) throws IOException {
        List<PublishedEvent> samples = SAMPLES.get(registration.payload());
        if (samples == null || samples.isEmpty()) {
            fail("No sample of " + registration.payload().getSimpleName() + " in TicketEventContractTest.SAMPLES: add one");
        }
        JsonNode schema = schema(registration.type());
        Set<String> nullable = nullablePaths(schema, schema, "");
        JavaType envelopeType = JSON.getTypeFactory().constructParametricType(EventEnvelope.class, registration.payload());

        Set<String> nulledInSamples = new TreeSet<>();
        Set<String> setInSamples = new TreeSet<>();
        for (int i = 0; i < samples.size(); i++) {
            PublishedEvent sample = samples.get(i);
            String name = registration.payload().getSimpleName() + " sample " + i;
            assertThat(sample).as(name).isInstanceOf(registration.payload());
            EventEnvelope<PublishedEvent> envelope = new EventEnvelope<>(EventEnvelope.SPEC_VERSION,
                    UUID.randomUUID().toString(), EventTypes.typeOf(registration.payload()),
                    EventStreams.TICKET_SERVICE_SOURCE, sample.at(), sample.aggregateId(), sample.tenantId(), i,
                    EventEnvelope.CONTENT_TYPE, sample);

            JsonNode json = JSON.readTree(JSON.writeValueAsString(envelope));

            assertThat(validate(EventTypes.ENVELOPE_SCHEMA, json)).as(name).isEmpty();
            assertThat(validate(EventTypes.schemaResource(registration.type()), json.get("data"))).as(name).isEmpty();
            EventEnvelope<?> readBack = JSON.convertValue(json, envelopeType);
            assertThat(readBack.data()).as("%s read back", name).isEqualTo(sample);
            Map<String, Boolean> fields = fieldPaths(schema, schema, "", json.get("data"));
            fields.forEach((path, isNull) -> (isNull ? nulledInSamples : setInSamples).add(path));
        }
        // the actor's reason is one shared definition: set in the automation samples, proven there for every type
        allPaths(schema, schema, "").stream().filter(TicketEventContractTest::isActorReason).forEach(setInSamples::add);
        assertThat(nulledInSamples)
                .as("fields null in some sample of %s = fields the schema allows to be null", registration.type())
                .containsExactlyInAnyOrderElementsOf(nullable);
        assertThat(setInSamples)
                .as("fields set in some sample of %s = every field of the schema", registration.type())
                .containsExactlyInAnyOrderElementsOf(allPaths(schema, schema, ""));
    }

    private static boolean isActorReason(String path) {
        return path.equals("by.reason") || path.endsWith(".by.reason");
    }

    @Test
    void anAutomationsReasonTravelsInTheActorOfEveryEventType() throws IOException {
        Actor automation = new Actor("routing-service", "automation", "sla_breach:p-1");
        for (Registration registration : EventTypes.all()) {
            if (getClass().getResource(EventTypes.schemaResource(registration.type())) == null) {
                continue; // a type without its schema yet fails the per-type tests above
            }
            JsonNode schema = schema(registration.type());
            if (allPaths(schema, schema, "").stream().noneMatch(TicketEventContractTest::isActorReason)) {
                continue;
            }
            PublishedEvent sample = SAMPLES.get(registration.payload()).get(0);
            ObjectNode data = (ObjectNode) JSON.valueToTree(sample);
            data.set("by", JSON.valueToTree(automation));
            assertThat(validate(EventTypes.schemaResource(registration.type()), data)).as(registration.type()).isEmpty();
            assertThat(JSON.convertValue(data, registration.payload())).as(registration.type())
                    .extracting("by").isEqualTo(automation);
            data.with("by").put("reason", "");
            assertThat(validate(EventTypes.schemaResource(registration.type()), data)).as("empty reason of %s",
                    registration.type()).isNotEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registrations")
    void schemaRejectsNullAndAbsenceOfEveryFieldThatIsAlwaysPresent(Registration registration) throws IOException {
        JsonNode schema = schema(registration.type());
        PublishedEvent sample = SAMPLES.getOrDefault(registration.payload(), List.of()).stream().findFirst()
                .orElseThrow(() -> new AssertionError("no sample of " + registration.payload().getSimpleName()));
        ObjectNode complete = JSON.valueToTree(sample);
        Set<String> required = new LinkedHashSet<>();
        schema.path("required").forEach(field -> required.add(field.asText()));

        for (String field : componentNames(registration.payload())) {
            if (!required.contains(field)) {
                continue;
            }
            ObjectNode nulled = complete.deepCopy();
            nulled.putNull(field);
            assertThat(validate(EventTypes.schemaResource(registration.type()), nulled)).as("%s null", field).isNotEmpty();
            ObjectNode missing = complete.deepCopy();
            missing.remove(field);
            assertThat(validate(EventTypes.schemaResource(registration.type()), missing)).as("%s missing", field).isNotEmpty();
        }
    }

    /** The values the javadoc fixes for String fields (the actor's role is checked on every {@code by}). */
    private static final List<String> ROLES = List.of("admin", "team_lead", "agent", "customer", "api_key", "automation", "system");
    private static final List<String> VISIBILITY = List.of("public", "internal", "admin_only");
    private static final List<String> THREAD_KIND = List.of("external", "internal");
    private static final List<String> SLA_METRIC = List.of("first_response", "next_response", "resolution");
    private static final Map<String, Map<String, List<String>>> FIXED_VALUES = Map.ofEntries(
            Map.entry("autocrm.sla.clock_changed.v1", Map.of("targets[].metric", SLA_METRIC,
                    "targets[].status", List.of("active", "paused", "fulfilled", "breached"))),
            Map.entry("autocrm.sla.warning_reached.v1", Map.of("metric", SLA_METRIC)),
            Map.entry("autocrm.sla.breached.v1", Map.of("metric", SLA_METRIC)),
            Map.entry("autocrm.ticket.created.v1", Map.of("channel", List.of("portal", "email", "chat", "phone", "api", "error-report"))),
            Map.entry("autocrm.ticket.status_changed.v1", Map.of("reason", List.of("manual", "customer_reply", "merged"))),
            Map.entry("autocrm.ticket.message_added.v1", Map.of("visibility", VISIBILITY, "threadKind", THREAD_KIND)),
            Map.entry("autocrm.ticket.merge_received.v1", Map.of("messages[].visibility", VISIBILITY, "messages[].threadKind", THREAD_KIND)),
            Map.entry("autocrm.ticket.linked.v1", Map.of("relation", List.of("related", "follow_up"))),
            Map.entry("autocrm.ticket.satisfaction_rated.v1", Map.of("scale", List.of("five_point", "good_bad"))),
            Map.entry("autocrm.custom_field.defined.v1", Map.of("type",
                    List.of("text", "number", "date", "dropdown", "multi_select", "checkbox"))),
            Map.entry("autocrm.security.event_recorded.v1", Map.of("kind", List.of("login_succeeded", "login_failed",
                    "account_locked", "logged_out", "refresh_token_reused", "api_key_created", "api_key_revoked",
                    "user_created", "user_deactivated", "user_reactivated", "role_changed", "groups_changed",
                    "tenant_settings_changed", "password_reset_requested", "password_reset", "sign_in_link_sent",
                    "totp_enabled", "totp_disabled", "totp_code_refused", "sso_account_linked",
                    "client_authentication_failed"))));

    @ParameterizedTest(name = "{0}")
    @MethodSource("registrations")
    void enumerationsAreTheValuesTheJavadocFixes(Registration registration) throws IOException {
        JsonNode schema = schema(registration.type());
        Map<String, Set<String>> expected = new TreeMap<>();
        FIXED_VALUES.getOrDefault(registration.type(), Map.of()).forEach((path, values) -> expected.put(path, new TreeSet<>(values)));
        allPaths(schema, schema, "").stream().filter(path -> path.equals("by.role") || path.endsWith(".by.role"))
                .forEach(path -> expected.put(path, new TreeSet<>(ROLES)));
        Set<String> statuses = Arrays.stream(TicketStatus.values()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));

        Map<String, Set<String>> actual = new TreeMap<>(enumerations(schema, schema, ""));
        actual.values().removeIf(statuses::equals);

        assertThat(actual).as("enumerations of %s (TicketStatus ones aside)", registration.type()).isEqualTo(expected);
    }

    // ------------------------------------------------------------------------------------------
    // The documents as a whole.

    @Test
    void everySampleIsOfARegisteredPayload() {
        Set<Class<?>> registered = EventTypes.all().stream().map(Registration::payload).collect(Collectors.toSet());
        assertThat(SAMPLES.keySet()).allMatch(registered::contains);
    }

    @Test
    void everySchemaFileAndAsyncApiMessageBelongsToARegisteredType() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(Path.of(getClass().getResource(SCHEMA_FOLDER).toURI()))) {
            Set<String> schemaFiles = files.map(file -> file.getFileName().toString()).collect(Collectors.toSet());
            Set<String> expected = EventTypes.types().stream().map(type -> type + ".schema.json").collect(Collectors.toSet());
            expected.add("envelope.v1.schema.json");
            assertThat(schemaFiles).containsExactlyInAnyOrderElementsOf(expected);
        }

        JsonNode asyncApi = asyncApi();
        List<String> documented = new ArrayList<>();
        asyncApi.at("/components/messages").forEach(message -> documented.add(message.path("name").asText()));
        assertThat(documented).containsExactlyInAnyOrderElementsOf(EventTypes.types());

        Set<String> onChannels = new TreeSet<>();
        asyncApi.path("channels").forEach(channel -> channel.path("messages").forEach(ref -> onChannels.add(ref.path("$ref").asText())));
        Set<String> components = new TreeSet<>();
        asyncApi.at("/components/messages").fieldNames().forEachRemaining(key -> components.add("#/components/messages/" + key));
        assertThat(onChannels).as("messages on channels").isEqualTo(components);
        assertThat(asyncApi.path("channels")).as("one channel per topic").hasSize(5);
    }

    @Test
    void asyncApiKeepsTheDeliveryGuaranteesForEveryTopic() throws IOException {
        String description = asyncApi().at("/info/description").asText();

        assertThat(description).contains("at least once", "idempotent", "sequence", "ce_type", "ce_id",
                EventStreams.TICKETS, EventStreams.CUSTOMERS, EventStreams.TICKET_CONFIGURATION, EventStreams.SLA,
                EventStreams.SECURITY);
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
    void assignmentIsToExactlyOneAgentOrOneGroup() throws IOException {
        String schema = EventTypes.schemaResource("autocrm.ticket.assigned.v1");

        assertThat(validate(schema, JSON.valueToTree(new TicketAssigned(TICKET, TENANT, "alex", GROUP, null, null, MARIA, AT))))
                .as("agent and group").isNotEmpty();
        assertThat(validate(schema, JSON.valueToTree(new TicketAssigned(TICKET, TENANT, null, null, "alex", null, MARIA, AT))))
                .as("neither agent nor group").isNotEmpty();
    }

    @Test
    void satisfactionScoreFitsItsScale() throws IOException {
        String schema = EventTypes.schemaResource("autocrm.ticket.satisfaction_rated.v1");

        assertThat(validate(schema, JSON.valueToTree(new TicketSatisfactionRated(TICKET, TENANT, "five_point", 0, null, SARAH, AT))))
                .as("five_point 0").isNotEmpty();
        assertThat(validate(schema, JSON.valueToTree(new TicketSatisfactionRated(TICKET, TENANT, "good_bad", 3, null, SARAH, AT))))
                .as("good_bad 3").isNotEmpty();
        assertThat(validate(schema, JSON.valueToTree(new TicketSatisfactionRated(TICKET, TENANT, "stars", 3, null, SARAH, AT))))
                .as("unknown scale").isNotEmpty();
    }

    @Test
    void fixedValuesAreEnforced() throws IOException {
        assertThat(validate(EventTypes.schemaResource("autocrm.ticket.message_added.v1"), JSON.valueToTree(
                new TicketMessageAdded(TICKET, TENANT, MESSAGE, THREAD, "external", "everyone", "Hi", List.of(), List.of(), MARIA, AT))))
                .as("visibility everyone").isNotEmpty();
        assertThat(validate(EventTypes.schemaResource("autocrm.ticket.linked.v1"), JSON.valueToTree(
                new TicketLinked(TICKET, TENANT, OTHER_TICKET, "duplicate", MARIA, AT))))
                .as("relation duplicate").isNotEmpty();
        assertThat(validate(EventTypes.schemaResource("autocrm.custom_field.defined.v1"), JSON.valueToTree(
                new CustomFieldDefined("field-1", TENANT, "plan", "Plan", "radio", List.of(), false, false, ADMIN, AT))))
                .as("field type radio").isNotEmpty();
        assertThat(validate(EventTypes.schemaResource("autocrm.category.created.v1"), JSON.valueToTree(
                new CategoryCreated(CATEGORY, TENANT, "Billing", 0, new Actor("maria", "owner"), AT))))
                .as("actor role owner").isNotEmpty();
    }

    @Test
    void unknownTypesAreReportedAsUnknownRatherThanFailing() {
        assertThat(EventTypes.payloadOf("autocrm.ticket.teleported.v9")).isEmpty();
    }

    // ------------------------------------------------------------------------------------------
    // Schema against record, the way Jackson writes records.

    private static void assertMatches(JsonNode root, JsonNode propertySchema, Type javaType, String path) {
        JsonNode schema = resolve(root, propertySchema);
        Set<String> types = types(schema);
        Class<?> raw = raw(javaType);
        if (raw == String.class) {
            assertThat(types).as("type of %s", path).isSubsetOf("string", "null").contains("string");
        } else if (raw == int.class || raw == long.class) {
            assertThat(types).as("type of %s", path).containsExactly("integer");
        } else if (raw == boolean.class) {
            assertThat(types).as("type of %s", path).containsExactly("boolean");
        } else if (raw == Boolean.class) {
            assertThat(types).as("type of %s", path).isSubsetOf("boolean", "null").contains("boolean");
        } else if (raw == Instant.class) {
            assertThat(types).as("type of %s", path).isSubsetOf("string", "null").contains("string");
            assertThat(schema.path("format").asText()).as("format of %s", path).isEqualTo("date-time");
        } else if (raw.isEnum()) {
            assertThat(types).as("type of %s", path).isSubsetOf("string", "null").contains("string");
            Set<String> values = new TreeSet<>();
            schema.path("enum").forEach(value -> {
                if (!value.isNull()) {
                    values.add(value.asText());
                }
            });
            assertThat(values).as("enum of %s", path).isEqualTo(Arrays.stream(raw.getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name()).collect(Collectors.toCollection(TreeSet::new)));
        } else if (raw == List.class) {
            assertThat(types).as("type of %s", path).isSubsetOf("array", "null").contains("array");
            assertMatches(root, schema.path("items"), argument(javaType, 0), path + "[]");
        } else if (raw == Map.class) {
            assertThat(types).as("type of %s", path).isSubsetOf("object", "null").contains("object");
            assertThat(raw(argument(javaType, 0))).as("keys of %s", path).isEqualTo(String.class);
            assertMatches(root, schema.path("additionalProperties"), argument(javaType, 1), path + "{}");
        } else if (raw == Object.class) {
            assertThat(types).as("type of %s (any custom field value)", path)
                    .containsExactlyInAnyOrder("string", "number", "boolean", "array", "null");
        } else if (raw.isRecord()) {
            assertThat(types).as("type of %s", path).isSubsetOf("object", "null").contains("object");
            List<String> properties = new ArrayList<>();
            schema.path("properties").fieldNames().forEachRemaining(properties::add);
            assertThat(properties).as("properties of %s = components of %s", path, raw.getSimpleName())
                    .containsExactlyElementsOf(componentNames(raw));
            Set<String> required = new TreeSet<>();
            schema.path("required").forEach(field -> required.add(field.asText()));
            for (RecordComponent component : raw.getRecordComponents()) {
                String name = component.getName();
                JsonNode property = schema.path("properties").path(name);
                assertThat(required.contains(name))
                        .as("%s.%s is required exactly when it cannot be null", path, name)
                        .isEqualTo(!allowsNull(resolve(root, property)));
                assertMatches(root, property, component.getGenericType(), path + "." + name);
            }
        } else {
            fail("No rule for the Java type " + javaType + " of " + path + ": teach the contract test");
        }
    }

    private static List<String> componentNames(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        throw new AssertionError("unexpected type " + type);
    }

    private static Type argument(Type type, int index) {
        return ((ParameterizedType) type).getActualTypeArguments()[index];
    }

    private static JsonNode resolve(JsonNode root, JsonNode schema) {
        JsonNode current = schema;
        while (current.has("$ref")) {
            String ref = current.get("$ref").asText();
            assertThat(ref).as("local reference").startsWith("#/");
            current = root.at(ref.substring(1));
            assertThat(current.isMissingNode()).as("%s resolves", ref).isFalse();
        }
        return current;
    }

    private static Set<String> types(JsonNode schema) {
        Set<String> types = new TreeSet<>();
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (type.isTextual()) {
            types.add(type.asText());
        }
        return types;
    }

    private static boolean allowsNull(JsonNode schema) {
        return types(schema).contains("null");
    }

    /** The paths of the properties (nested records and list items included) whose schema allows null. */
    private static Set<String> nullablePaths(JsonNode root, JsonNode schema, String prefix) {
        Set<String> paths = new TreeSet<>();
        resolve(root, schema).path("properties").fields().forEachRemaining(property -> {
            String path = prefix + property.getKey();
            JsonNode value = resolve(root, property.getValue());
            if (allowsNull(value)) {
                paths.add(path);
            }
            if (value.has("properties")) {
                paths.addAll(nullablePaths(root, value, path + "."));
            }
            JsonNode items = resolve(root, value.path("items"));
            if (items.has("properties")) {
                paths.addAll(nullablePaths(root, items, path + "[]."));
            }
        });
        return paths;
    }

    /** The paths of every property the schema declares, nested records and list items included. */
    private static Set<String> allPaths(JsonNode root, JsonNode schema, String prefix) {
        Set<String> paths = new TreeSet<>();
        resolve(root, schema).path("properties").fields().forEachRemaining(property -> {
            String path = prefix + property.getKey();
            JsonNode value = resolve(root, property.getValue());
            paths.add(path);
            if (value.has("properties")) {
                paths.addAll(allPaths(root, value, path + "."));
            }
            JsonNode items = resolve(root, value.path("items"));
            if (items.has("properties")) {
                paths.addAll(allPaths(root, items, path + "[]."));
            }
        });
        return paths;
    }

    /** The non-null values of every enumerated property, by path. */
    private static Map<String, Set<String>> enumerations(JsonNode root, JsonNode schema, String prefix) {
        Map<String, Set<String>> enumerations = new TreeMap<>();
        resolve(root, schema).path("properties").fields().forEachRemaining(property -> {
            String path = prefix + property.getKey();
            JsonNode value = resolve(root, property.getValue());
            if (value.has("enum")) {
                Set<String> values = new TreeSet<>();
                value.get("enum").forEach(v -> {
                    if (!v.isNull()) {
                        values.add(v.asText());
                    }
                });
                enumerations.put(path, values);
            }
            if (value.has("properties")) {
                enumerations.putAll(enumerations(root, value, path + "."));
            }
            JsonNode items = resolve(root, value.path("items"));
            if (items.has("properties")) {
                enumerations.putAll(enumerations(root, items, path + "[]."));
            }
        });
        return enumerations;
    }

    /**
     * The paths of the properties the schema declares that occur in a JSON document, each with
     * whether it is null (or missing) there.
     */
    private static Map<String, Boolean> fieldPaths(JsonNode root, JsonNode schema, String prefix, JsonNode json) {
        Map<String, Boolean> paths = new LinkedHashMap<>();
        resolve(root, schema).path("properties").fields().forEachRemaining(property -> {
            String path = prefix + property.getKey();
            JsonNode value = resolve(root, property.getValue());
            JsonNode actual = json.path(property.getKey());
            boolean isNull = actual.isNull() || actual.isMissingNode();
            paths.merge(path, isNull, Boolean::logicalAnd);
            if (actual.isObject() && value.has("properties")) {
                fieldPaths(root, value, path + ".", actual).forEach((p, n) -> paths.merge(p, n, Boolean::logicalAnd));
            } else if (actual.isArray() && resolve(root, value.path("items")).has("properties")) {
                actual.forEach(element -> fieldPaths(root, value.path("items"), path + "[].", element)
                        .forEach((p, n) -> paths.merge(p, n, Boolean::logicalAnd)));
            }
        });
        return paths;
    }

    // ------------------------------------------------------------------------------------------
    // AsyncAPI navigation.

    /** The key under components/messages of the message named type, which must be on the channel. */
    private static String messageKeyOnChannel(JsonNode asyncApi, String channel, String type) {
        List<String> keys = new ArrayList<>();
        asyncApi.at("/channels/" + channel + "/messages").forEach(reference -> {
            String ref = reference.path("$ref").asText();
            assertThat(ref).startsWith("#/components/messages/");
            JsonNode message = asyncApi.at(ref.substring(1));
            assertThat(message.isMissingNode()).as("%s resolves", ref).isFalse();
            if (message.path("name").asText().equals(type)) {
                keys.add(ref.substring("#/components/messages/".length()));
            }
        });
        assertThat(keys).as("messages named %s on channel %s", type, channel).hasSize(1);
        return keys.get(0);
    }

    private static String messageKey(JsonNode asyncApi, String type) {
        List<String> keys = new ArrayList<>();
        asyncApi.at("/components/messages").fields().forEachRemaining(message -> {
            if (message.getValue().path("name").asText().equals(type)) {
                keys.add(message.getKey());
            }
        });
        assertThat(keys).as("messages named %s", type).hasSize(1);
        return keys.get(0);
    }

    // ------------------------------------------------------------------------------------------

    @SafeVarargs
    private static Map<Class<? extends PublishedEvent>, List<PublishedEvent>> samples(List<? extends PublishedEvent>... perRecord) {
        Map<Class<? extends PublishedEvent>, List<PublishedEvent>> samples = new HashMap<>();
        for (List<? extends PublishedEvent> list : perRecord) {
            List<PublishedEvent> previous = samples.put(list.get(0).getClass(), List.copyOf(list));
            assertThat(previous).as("samples of %s given twice", list.get(0).getClass().getSimpleName()).isNull();
        }
        return Map.copyOf(samples);
    }

    private Set<ValidationMessage> validate(String schemaResource, JsonNode node) throws IOException {
        try (InputStream schema = getClass().getResourceAsStream(schemaResource)) {
            assertThat(schema).as(schemaResource).isNotNull();
            JsonSchema jsonSchema = SCHEMAS.getSchema(schema, STRICT_FORMATS);
            return jsonSchema.validate(node);
        }
    }

    private JsonNode schema(String type) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(EventTypes.schemaResource(type))) {
            assertThat(in).as("schema of %s at %s", type, EventTypes.schemaResource(type)).isNotNull();
            return JSON.readTree(in);
        }
    }

    private JsonNode asyncApi() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/org/autocrm/events/asyncapi.yaml")) {
            return YAML.readTree(in);
        }
    }
}
