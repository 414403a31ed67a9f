package org.autocrm.routing.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.autocrm.events.Actor;
import org.autocrm.events.CustomFieldDefined;
import org.autocrm.events.CustomFieldRetired;
import org.autocrm.events.CustomerCreated;
import org.autocrm.events.EventStreams;
import org.autocrm.events.EventTypes;
import org.autocrm.events.PublishedEvent;
import org.autocrm.events.TicketCreated;
import org.autocrm.events.TicketDetailsChanged;
import org.autocrm.events.TicketStatus;
import org.autocrm.events.TicketTagsChanged;
import org.autocrm.infrastructure.Infrastructure;
import org.autocrm.routing.rules.TenantVocabularies;
import org.autocrm.routing.ticketcommands.TicketCommand;
import org.autocrm.routing.tickets.CustomerDirectory;
import org.autocrm.servicetesting.AcceptsTestTokens;
import org.autocrm.servicetesting.Piece;
import org.autocrm.servicetesting.RunningInfrastructure;
import org.autocrm.servicetesting.SignedCaller;
import org.autocrm.servicetesting.TestCallers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The rules run on the real ticket stream: contract envelopes published on {@code autocrm.tickets.v1} and
 * {@code autocrm.customers.v1} of the embedded Kafka broker, the ticket view and decision log in the embedded MongoDB
 * stand-in, rules created through the admin API. ticket-service is {@link RecordingTicketCommands} (in memory,
 * idempotent per key like the real one). Each test works in a tenant of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "autocrm.routing.tickets.consumer-group=routing-service-rules-it")
@RunningInfrastructure({Piece.KAFKA, Piece.MONGO})
@AcceptsTestTokens
class RulesOnTheTicketStreamIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Actor CUSTOMER = new Actor("cust-1", "customer");
    private static final Actor AGENT = new Actor("agent-7", "agent");
    private static final Actor AUTOMATION = new Actor("routing-service", "automation");

    @TestConfiguration
    static class TicketServiceInMemory {
        @Bean
        @Primary
        RecordingTicketCommands recordingTicketCommands() {
            return new RecordingTicketCommands();
        }

        @Bean
        RecordingReaction recordingReaction() {
            return new RecordingReaction();
        }
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    RecordingTicketCommands ticketService;
    @Autowired
    RecordingReaction reactions;
    @Autowired
    CustomerDirectory customers;
    @Autowired
    TenantVocabularies vocabularies;

    private final TestCallers callers = TestCallers.inNewTenant();
    private KafkaProducer<String, String> producer;

    /** The topics are ticket-service's: routing-service never creates them, so the test does, as a deployment would. */
    @BeforeAll
    static void topics() throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                Infrastructure.shared().kafka().bootstrapServers()))) {
            for (String topic : List.of(EventStreams.TICKETS, EventStreams.CUSTOMERS, EventStreams.TICKET_CONFIGURATION)) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }

    @BeforeEach
    void connect() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                Infrastructure.shared().kafka().bootstrapServers()), new StringSerializer(), new StringSerializer());
    }

    @AfterEach
    void disconnect() {
        producer.close();
    }

    @Test
    void aMatchingRulesCommandsReachTicketServiceOnceEvenWhenTheEventIsPublishedTwice() {
        String ruleId = createRule("Urgent to premium", List.of("created"), "priority", "urgent",
                "{\"type\":\"assign_group\",\"value\":\"premium\"},{\"type\":\"add_tags\",\"value\":[\"routed\"]}");
        String ticket = newTicketId();
        String created = envelope(0, created(ticket, "urgent", "cust-1"), null);

        publish(ticket, created);
        publish(ticket, created);
        publish(ticket, envelope(1, new TicketDetailsChanged(ticket, tenant(), "Printer", "On fire", AGENT, now()),
                null));

        await().atMost(PATIENCE).until(() -> reactions.callsFor(ticket).stream().anyMatch(c -> c.after() == 1));
        List<RecordingTicketCommands.Sent> sent = ticketService.sentFor(ticket);
        assertThat(sent).extracting(RecordingTicketCommands.Sent::command).containsExactly(
                new TicketCommand.AssignToGroup("premium"), new TicketCommand.ChangeTags(List.of("routed"), List.of()));
        String eventId = json(created).path("id").asText();
        assertThat(sent).extracting(RecordingTicketCommands.Sent::idempotencyKey)
                .containsExactly(eventId + ":assign_group", eventId + ":add_tags");
        assertThat(sent).extracting(RecordingTicketCommands.Sent::reason).containsOnly("rule:" + ruleId);
        assertThat(sent).extracting(RecordingTicketCommands.Sent::tenantId).containsOnly(tenant());
        assertThat(reactions.callsFor(ticket)).extracting(RecordingReaction.Call::before, RecordingReaction.Call::after)
                .as("the copy is handed to the reactions again, with the same before and after")
                .startsWith(org.assertj.core.groups.Tuple.tuple(-1L, 0L), org.assertj.core.groups.Tuple.tuple(-1L, 0L));

        publish(ticket, created);
        publish(ticket, envelope(2, new TicketDetailsChanged(ticket, tenant(), "Printer", "Smoking", AGENT, now()),
                null));
        await().atMost(PATIENCE).until(() -> reactions.callsFor(ticket).stream().anyMatch(c -> c.after() == 2));
        assertThat(reactions.callsFor(ticket)).as("an event older than the snapshot is skipped")
                .extracting(RecordingReaction.Call::after).containsExactly(0L, 0L, 1L, 2L);
        assertThat(reactions.callsFor(ticket).get(3).snapshot().facts().subject()).isEqualTo("Printer");
        assertThat(reactions.callsFor(ticket).get(3).snapshot().facts().description()).isEqualTo("Smoking");
        assertThat(ticketService.sentFor(ticket)).hasSize(2);
    }

    @Test
    void aChangeTheAutomationMadeForARuleDoesNotTriggerThatRuleAgainButAPersonsChangeDoes() {
        String ruleId = createRule("Tag urgent ones", List.of("created", "tags_changed"), "priority", "urgent",
                "{\"type\":\"add_tags\",\"value\":[\"urgent-queue\"]}");
        String ticket = newTicketId();
        publish(ticket, envelope(0, created(ticket, "urgent", "cust-1"), null));
        await().atMost(PATIENCE).until(() -> ticketService.sentFor(ticket).size() == 1);

        // ticket-service applies the command: the change comes back on the stream, made by the automation for the rule
        String reason = ticketService.sentFor(ticket).get(0).reason();
        publish(ticket, envelope(1, new TicketTagsChanged(ticket, tenant(), List.of("urgent-queue"), List.of(),
                List.of("urgent-queue"), AUTOMATION, now()), reason));
        await().atMost(PATIENCE).until(() -> decisions(ticket, callers.admin()).getBody().path("decisions").size() == 2);
        assertThat(ticketService.sentFor(ticket)).hasSize(1);
        JsonNode automationsChange = decisions(ticket, callers.admin()).getBody().path("decisions").get(0);
        assertThat(automationsChange.path("trigger").asText()).isEqualTo("tags_changed");
        assertThat(automationsChange.path("causedBy")).extracting(JsonNode::asText).containsExactly(ruleId);
        assertThat(automationsChange.path("rules").get(0).path("verdict").asText()).isEqualTo("caused_this_change");
        assertThat(automationsChange.path("commands")).isEmpty();

        publish(ticket, envelope(2, new TicketTagsChanged(ticket, tenant(), List.of("vip"), List.of(),
                List.of("urgent-queue", "vip"), AGENT, now()), null));
        await().atMost(PATIENCE).until(() -> ticketService.sentFor(ticket).size() == 2);
        assertThat(ticketService.sentFor(ticket).get(1).idempotencyKey()).endsWith(":add_tags")
                .isNotEqualTo(ticketService.sentFor(ticket).get(0).idempotencyKey());
    }

    @Test
    void theDecisionLogListsEachRunNewestFirstWithWhatTicketServiceAnswered() {
        String ruleId = createRule("Email to support", List.of("created"), "channel", "email",
                "{\"type\":\"assign_group\",\"value\":\"support\"},{\"type\":\"set_priority\",\"value\":\"high\"}");
        createRule("Never", List.of("created"), "priority", "low", "{\"type\":\"add_tags\",\"value\":[\"low\"]}");
        String ticket = newTicketId();
        ticketService.refuseAssignments(ticket);
        publish(ticket, envelope(0, created(ticket, "normal", "cust-1"), null));

        await().atMost(PATIENCE).until(() -> decisions(ticket, callers.admin()).getBody().path("decisions").size() == 1);
        ResponseEntity<JsonNode> answer = decisions(ticket, callers.admin());
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode run = answer.getBody().path("decisions").get(0);
        assertThat(run.path("trigger").asText()).isEqualTo("created");
        assertThat(run.path("eventType").asText()).isEqualTo(EventTypes.typeOf(TicketCreated.class));
        assertThat(run.path("sequence").asLong()).isZero();
        JsonNode rules = run.path("rules");
        assertThat(rules).extracting(r -> r.path("verdict").asText()).containsExactlyInAnyOrder("matched", "not_matched");
        JsonNode notMatched = rules.get(0).path("verdict").asText().equals("not_matched") ? rules.get(0) : rules.get(1);
        assertThat(notMatched.path("explanation").asText()).contains("priority").contains("normal");
        JsonNode commands = run.path("commands");
        assertThat(commands).extracting(c -> c.path("action").asText()).containsExactly("assign_group", "set_priority");
        assertThat(commands.get(0).path("outcome").asText()).isEqualTo("conflict");
        assertThat(commands.get(0).path("status").asInt()).isEqualTo(409);
        assertThat(commands.get(0).path("detail").asText()).contains("closed");
        assertThat(commands.get(1).path("outcome").asText()).isEqualTo("applied");
        assertThat(commands.get(1).path("value").asText()).isEqualTo("high");
        assertThat(commands.get(1).path("reason").asText()).isEqualTo("rule:" + ruleId);
        assertThat(commands.get(1).path("detail").isNull()).isTrue();
        assertThat(ticketService.sentFor(ticket)).as("a conflict is recorded, not retried").hasSize(2);

        publish(ticket, envelope(1, new TicketTagsChanged(ticket, tenant(), List.of("x"), List.of(), List.of("x"),
                AGENT, now()), null));
        publish(ticket, envelope(2, new TicketDetailsChanged(ticket, tenant(), "s", "d", AGENT, now()), null));
        await().atMost(PATIENCE).until(() -> reactions.callsFor(ticket).stream().anyMatch(c -> c.after() == 2));
        assertThat(decisions(ticket, callers.admin()).getBody().path("decisions")).as("no rule runs on tags changes")
                .hasSize(1);

        assertThat(decisions(ticket, callers.teamLead("tier-1")).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(decisions(ticket, callers.apiKey("routing:read")).getBody().path("decisions")).hasSize(1);
        assertThat(decisions(ticket, TestCallers.inNewTenant().admin()).getBody().path("decisions"))
                .as("another tenant sees none").isEmpty();
        for (SignedCaller refused : List.of(callers.agent("tier-1"), callers.customer("cust-1"))) {
            ResponseEntity<JsonNode> forbidden = decisions(ticket, refused);
            assertProblem(forbidden, HttpStatus.FORBIDDEN);
            assertThat(forbidden.getBody().path("code").asText()).isEqualTo("NOT_PERMITTED");
        }
        ResponseEntity<JsonNode> writer = decisions(ticket, callers.apiKey("routing:write"));
        assertProblem(writer, HttpStatus.FORBIDDEN);
        assertThat(writer.getBody().path("code").asText()).isEqualTo("MISSING_SCOPE");
        assertProblem(get("/api/routing/decisions?ticketId=" + ticket + "&limit=0", callers.admin()),
                HttpStatus.BAD_REQUEST);
        assertProblem(get("/api/routing/decisions", callers.admin()), HttpStatus.BAD_REQUEST);
    }

    @Test
    void aPageOfTheLogEndsWhereTheNextBegins() {
        createRule("Every tag change", List.of("created", "tags_changed"), "channel", "email",
                "{\"type\":\"set_priority\",\"value\":\"high\"}");
        String ticket = newTicketId();
        publish(ticket, envelope(0, created(ticket, "normal", "cust-1"), null));
        publish(ticket, envelope(1, new TicketTagsChanged(ticket, tenant(), List.of("a"), List.of(), List.of("a"),
                AGENT, now()), null));
        publish(ticket, envelope(2, new TicketTagsChanged(ticket, tenant(), List.of("b"), List.of(), List.of("a", "b"),
                AGENT, now()), null));
        await().atMost(PATIENCE).until(() -> decisions(ticket, callers.admin()).getBody().path("decisions").size() == 3);

        JsonNode first = get("/api/routing/decisions?ticketId=" + ticket + "&limit=2", callers.admin()).getBody();
        assertThat(first.path("decisions")).extracting(d -> d.path("sequence").asLong()).containsExactly(2L, 1L);
        JsonNode second = get("/api/routing/decisions?ticketId=" + ticket + "&limit=2&before="
                + first.path("nextBefore").asLong(), callers.admin()).getBody();
        assertThat(second.path("decisions")).extracting(d -> d.path("sequence").asLong()).containsExactly(0L);
        assertThat(second.path("nextBefore").isNull()).isTrue();
    }

    @Test
    void anEventWhoseReactionFailedIsDeliveredAgainAndTheReactionsRunOnTheSnapshotAlreadySaved() {
        createRule("Everything to triage", List.of("created"), "channel", "email",
                "{\"type\":\"assign_group\",\"value\":\"triage\"}");
        String ticket = newTicketId();
        ticketService.unreachableFor(ticket, 2);

        publish(ticket, envelope(0, created(ticket, "normal", "cust-1"), null));

        await().atMost(PATIENCE).until(() -> decisions(ticket, callers.admin()).getBody().path("decisions").size() == 1);
        assertThat(ticketService.sentFor(ticket)).extracting(RecordingTicketCommands.Sent::command)
                .containsExactly(new TicketCommand.AssignToGroup("triage"));
        assertThat(decisions(ticket, callers.admin()).getBody().path("decisions").get(0).path("commands").get(0)
                .path("outcome").asText()).isEqualTo("applied");
        assertThat(reactions.callsFor(ticket)).as("the reactions after the rules ran once, when the rules got through")
                .extracting(RecordingReaction.Call::before, RecordingReaction.Call::after)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(-1L, 0L));
    }

    @Test
    void theCustomersTierReachesTheFactsRulesMatchOnAndTheDryRunByTicketId() {
        String ruleId = createRule("Gold customers", List.of("created"), "customer.tier", "gold",
                "{\"type\":\"assign_group\",\"value\":\"vip\"}");
        String customer = "cust-" + UUID.randomUUID();
        publishCustomer(customer, new CustomerCreated(customer, tenant(), "Ada", List.of("ada@initech.example"), null,
                "Initech", "gold", "en", null, null, AGENT, now()));
        await().atMost(PATIENCE).until(() -> customers.find(tenant(), customer).isPresent());
        String ticket = newTicketId();

        publish(ticket, envelope(0, created(ticket, "normal", customer), null));

        await().atMost(PATIENCE).until(() -> ticketService.sentFor(ticket).size() == 1);
        assertThat(ticketService.sentFor(ticket).get(0).command()).isEqualTo(new TicketCommand.AssignToGroup("vip"));
        assertThat(reactions.callsFor(ticket).get(0).snapshot().facts().customerCompany()).isEqualTo("Initech");

        ResponseEntity<JsonNode> dryRun = post("/api/routing/rules/" + ruleId + "/test",
                "{\"ticketId\":\"" + ticket + "\"}", callers.teamLead("tier-1"));
        assertThat(dryRun.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(dryRun.getBody().path("matched").asBoolean()).isTrue();
        assertThat(dryRun.getBody().path("actions").get(0).path("value").asText()).isEqualTo("vip");

        ResponseEntity<JsonNode> unknown = post("/api/routing/rules/" + ruleId + "/test",
                "{\"ticketId\":\"no-such-ticket\"}", callers.admin());
        assertProblem(unknown, HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody().path("code").asText()).isEqualTo("TICKET_NOT_FOUND");
        SignedCaller otherAdmin = TestCallers.inNewTenant().admin();
        String theirRule = createRule(otherAdmin, "Theirs", List.of("created"), "priority", "low",
                "{\"type\":\"add_tags\",\"value\":[\"x\"]}");
        ResponseEntity<JsonNode> otherTenant = post("/api/routing/rules/" + theirRule + "/test",
                "{\"ticketId\":\"" + ticket + "\"}", otherAdmin);
        assertProblem(otherTenant, HttpStatus.NOT_FOUND);
        assertThat(otherTenant.getBody().path("code").asText()).isEqualTo("TICKET_NOT_FOUND");
        assertProblem(post("/api/routing/rules/" + ruleId + "/test",
                "{\"ticketId\":\"" + ticket + "\",\"ticket\":{\"ticketId\":\"t\"}}", callers.admin()),
                HttpStatus.BAD_REQUEST);
    }

    @Test
    void conditionsOnTheTenantsCustomFieldsAreAcceptedOnceTicketServiceDefinedThemAndStillRunWhenRetired() {
        String rule = rule("Big orders", List.of("created"),
                "{\"field\":\"customFields.order_total\",\"operator\":\"greater_than\",\"value\":100}",
                "{\"type\":\"assign_group\",\"value\":\"key-accounts\"}");
        ResponseEntity<JsonNode> unknownField = post("/api/routing/rules", rule, callers.admin());
        assertProblem(unknownField, HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(unknownField.getBody().path("errors").get(0).path("field").asText()).isEqualTo("conditions[0].field");

        String field = "field-" + UUID.randomUUID();
        publishConfiguration(field, envelope(0, new CustomFieldDefined(field, tenant(), "order_total", "Order total",
                "number", List.of(), false, false, AGENT, now()), null));
        await().atMost(PATIENCE).until(() -> vocabularies.forEditing(tenant()).customFields().containsKey("order_total"));
        assertThat(post("/api/routing/rules", rule, callers.admin()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String ticket = newTicketId();
        publish(ticket, envelope(0, new TicketCreated(ticket, tenant(), 7, "Order", "Big one", "cust-1", "normal",
                TicketStatus.NEW, "email", "en", null, List.of(), Map.of("order_total", 150), null, CUSTOMER, now()),
                null));
        await().atMost(PATIENCE).until(() -> ticketService.sentFor(ticket).size() == 1);
        assertThat(ticketService.sentFor(ticket).get(0).command())
                .isEqualTo(new TicketCommand.AssignToGroup("key-accounts"));

        publishConfiguration(field, envelope(1, new CustomFieldRetired(field, tenant(), AGENT, now()), null));
        await().atMost(PATIENCE).until(() -> vocabularies.forEditing(tenant()).customFields().isEmpty());
        assertProblem(post("/api/routing/rules", rule, callers.admin()), HttpStatus.UNPROCESSABLE_ENTITY);
        String later = newTicketId();
        publish(later, envelope(0, new TicketCreated(later, tenant(), 8, "Order", "Big one", "cust-1", "normal",
                TicketStatus.NEW, "email", "en", null, List.of(), Map.of("order_total", 300), null, CUSTOMER, now()),
                null));
        await().atMost(PATIENCE).until(() -> ticketService.sentFor(later).size() == 1);
    }

    @Test
    void theApiDocumentSaysWhatTheDecisionLogAndTheDryRunCanAnswer() {
        JsonNode paths = http.getForObject("/v3/api-docs", JsonNode.class).path("paths");

        JsonNode list = paths.path("/api/routing/decisions").path("get");
        assertThat(statuses(list)).contains("200", "400", "401", "403");
        assertThat(list.path("parameters")).extracting(p -> p.path("name").asText())
                .contains("ticketId", "limit", "before");
        assertThat(statuses(paths.path("/api/routing/rules/{id}/test").path("post")))
                .contains("200", "400", "401", "403", "404");
    }

    // ---- the stream, as ticket-service publishes it --------------------------------------------

    private String tenant() {
        return callers.tenant();
    }

    private static String newTicketId() {
        return UUID.randomUUID().toString();
    }

    private static Instant now() {
        return Instant.now();
    }

    private TicketCreated created(String ticket, String priority, String customer) {
        return new TicketCreated(ticket, tenant(), 1, "Printer", "It does not print", customer, priority,
                TicketStatus.NEW, "email", "en", null, List.of(), Map.of(), null, CUSTOMER, now());
    }

    /** The envelope ticket-service publishes; {@code reason} as the automation's {@code by.reason}. */
    private String envelope(long sequence, PublishedEvent payload, String reason) {
        ObjectNode envelope = json.createObjectNode();
        envelope.put("specversion", "1.0");
        envelope.put("id", UUID.randomUUID().toString());
        envelope.put("type", EventTypes.typeOf(payload.getClass()));
        envelope.put("source", EventStreams.TICKET_SERVICE_SOURCE);
        envelope.put("time", payload.at().toString());
        envelope.put("subject", payload.aggregateId());
        envelope.put("tenantId", payload.tenantId());
        envelope.put("sequence", sequence);
        envelope.put("datacontenttype", "application/json");
        ObjectNode data = json.valueToTree(payload);
        if (reason != null) {
            ((ObjectNode) data.path("by")).put("reason", reason);
        }
        envelope.set("data", data);
        return envelope.toString();
    }

    private void publish(String ticket, String envelope) {
        send(EventStreams.TICKETS, ticket, envelope);
    }

    private void publishConfiguration(String key, String envelope) {
        send(EventStreams.TICKET_CONFIGURATION, key, envelope);
    }

    private void publishCustomer(String customer, CustomerCreated payload) {
        send(EventStreams.CUSTOMERS, customer, envelope(0, payload, null));
    }

    private void send(String topic, String key, String envelope) {
        try {
            producer.send(new ProducerRecord<>(topic, key, envelope)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("Could not publish on " + topic, e);
        }
    }

    private JsonNode json(String text) {
        try {
            return json.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- the API -----------------------------------------------------------------------------

    private String createRule(String name, List<String> triggers, String field, String value, String actions) {
        return createRule(callers.admin(), name, triggers, field, value, actions);
    }

    private String createRule(SignedCaller admin, String name, List<String> triggers, String field, String value,
                              String actions) {
        String body = rule(name, triggers, "{\"field\":\"%s\",\"operator\":\"is\",\"value\":\"%s\"}"
                .formatted(field, value), actions);
        ResponseEntity<JsonNode> created = post("/api/routing/rules", body, admin);
        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
        return created.getBody().path("id").asText();
    }

    private String rule(String name, List<String> triggers, String condition, String actions) {
        return """
                {"name":"%s","position":10,"active":true,"triggers":%s,"match":"all",
                 "conditions":[%s],"actions":[%s]}""".formatted(name, json.valueToTree(triggers), condition, actions);
    }

    private ResponseEntity<JsonNode> decisions(String ticket, SignedCaller caller) {
        return get("/api/routing/decisions?ticketId=" + ticket, caller);
    }

    private ResponseEntity<JsonNode> get(String path, SignedCaller caller) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(caller.headers()), JsonNode.class);
    }

    private ResponseEntity<JsonNode> post(String path, String body, SignedCaller caller) {
        var headers = caller.headers();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private static List<String> statuses(JsonNode operation) {
        List<String> statuses = new ArrayList<>();
        operation.path("responses").fieldNames().forEachRemaining(statuses::add);
        return statuses;
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
