package org.autocrm.query.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.autocrm.events.Actor;
import org.autocrm.events.EventStreams;
import org.autocrm.events.TicketStatus;
import org.autocrm.infrastructure.Infrastructure;
import org.autocrm.query.EventStreamIntegration;
import org.autocrm.query.projection.Projection;
import org.autocrm.query.projection.Projections;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The customer projection and list from real customer and ticket events: profiles, ticket figures
 * and last contact, the company and tier on tickets in whatever order the two topics deliver; and the projection
 * operated like the others: rebuilt without downtime, in the health component, dead-lettering, read-your-writes.
 */
class CustomersIT extends EventStreamIntegration {

    private static final String READ_AFTER = "X-AutoCRM-Read-After";
    private static final String DEAD_LETTERS = "autocrm.tickets.v1.query-service.dlt";

    @Autowired
    Projections projections;

    @Test
    void listsCustomersWithTheirTicketFiguresAndLastContact() {
        Customer sarah = customerProfile("sarah-" + UUID.randomUUID()).created("Sarah Chen", "sarah@acme.example",
                "Acme Corp", "gold");
        Ticket open = ticketFor(sarah.id, "Cannot log in");
        Ticket solved = ticketFor(sarah.id, "Invoice wrong").status(TicketStatus.OPEN, TicketStatus.RESOLVED, distinctNow());
        Instant customerWrote = distinctNow();
        open.message("public", new Actor(sarah.id, "customer"), customerWrote);
        open.message("public", new Actor("alex", "agent"), distinctNow()); // staff replies are not the customer's contact
        awaitApplied(open);
        awaitApplied(solved);

        JsonNode listed = awaitCustomer(sarah.id, c -> c.path("ticketsTotal").asLong() == 2
                && c.path("ticketsOpen").asLong() == 1
                && customerWrote.toString().equals(c.path("lastContactAt").asText()));
        assertThat(listed.get("name").asText()).isEqualTo("Sarah Chen");
        assertThat(listed.get("emails").get(0).asText()).isEqualTo("sarah@acme.example");
        assertThat(listed.get("company").asText()).isEqualTo("Acme Corp");
        assertThat(listed.get("tier").asText()).isEqualTo("gold");

        solved.status(TicketStatus.RESOLVED, TicketStatus.OPEN, distinctNow());
        awaitCustomer(sarah.id, c -> c.path("ticketsOpen").asLong() == 2);
    }

    @Test
    void aTicketThatArrivesBeforeItsCustomerGetsTheCompanyWhenTheProfileArrives() {
        String customerId = "late-" + UUID.randomUUID();
        Ticket early = ticketFor(customerId, "Printer on fire");
        JsonNode before = awaitApplied(early);
        assertThat(before.get("company").isNull()).isTrue();
        assertThat(ids("/api/customers", admin())).doesNotContain(customerId); // ticket figures alone make no customer

        customerProfile(customerId).created("Omar Haddad", "omar@globex.example", "Globex", "silver");

        awaitTicket(early, t -> "Globex".equals(t.path("company").asText()) && "silver".equals(t.path("tier").asText()));
        assertThat(ticketIds("/api/tickets?company=Globex", admin())).containsExactly(early.id);
        JsonNode listed = awaitCustomer(customerId, c -> c.path("ticketsTotal").asLong() == 1);
        assertThat(listed.get("name").asText()).isEqualTo("Omar Haddad");

        // the copy was written without taking the ticket's version: its next event still applies
        early.priority("MEDIUM", "URGENT", distinctNow());
        JsonNode after = awaitTicket(early, t -> "URGENT".equals(t.path("priority").asText()));
        assertThat(after.get("company").asText()).isEqualTo("Globex");
    }

    @Test
    void aChangedCompanyMovesTheCustomersTicketsAndNewTicketsCarryIt() {
        Customer lena = customerProfile("lena-" + UUID.randomUUID()).created("Lena Park", "lena@initech.example",
                "Initech", "bronze");
        awaitCustomer(lena.id, c -> true);
        Ticket first = ticketFor(lena.id, "Slow exports");
        awaitTicket(first, t -> "Initech".equals(t.path("company").asText()));
        Ticket unrelated = ticketFor("someone-" + UUID.randomUUID(), "Unrelated");
        awaitApplied(unrelated);

        lena.updated("Lena Park", "lena@umbrella.example", "Umbrella", "gold");

        awaitTicket(first, t -> "Umbrella".equals(t.path("company").asText()) && "gold".equals(t.path("tier").asText()));
        assertThat(ticketIds("/api/tickets?company=Initech", admin())).isEmpty();
        assertThat(ticketIds("/api/tickets?company=Umbrella&tier=gold", admin())).containsExactly(first.id);
        Ticket second = ticketFor(lena.id, "Another one");
        awaitTicket(second, t -> "Umbrella".equals(t.path("company").asText()));
        JsonNode queue = get("/api/tickets/queue?company=Umbrella", admin()).getBody();
        assertThat(queue.get("open").asLong()).isEqualTo(2);
    }

    @Test
    void redeliveredAndOutOfOrderCustomerEventsChangeNothing() {
        Customer nadia = customerProfile("nadia-" + UUID.randomUUID()).created("Nadia Old", "nadia@old.example",
                "Old Co", "bronze");
        String creation = nadia.lastPublished;
        nadia.updated("Nadia New", "nadia@new.example", "New Co", "gold");
        String update = nadia.lastPublished;
        awaitCustomer(nadia.id, c -> "New Co".equals(c.path("company").asText()));

        redeliver(EventStreams.CUSTOMERS, creation); // an older sequence arriving late
        redeliver(EventStreams.CUSTOMERS, update); // the same event twice
        nadia.updated("Nadia Newest", "nadia@new.example", "New Co", "platinum"); // once this shows, the above were handled

        JsonNode listed = awaitCustomer(nadia.id, c -> "platinum".equals(c.path("tier").asText()));
        assertThat(listed.get("name").asText()).isEqualTo("Nadia Newest");
        assertThat(listed.get("company").asText()).isEqualTo("New Co");
        assertThat(ids("/api/customers?company=Old Co", admin())).isEmpty();
        assertThat(ids("/api/customers?company=New Co&tier=platinum", admin())).containsExactly(nadia.id);
    }

    @Test
    void searchesFiltersSortsAndPagesByCursor() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Customer> customers = new ArrayList<>();
        for (String name : List.of("Carla", "Anna", "Bert", "Dora", "Emil")) {
            customers.add(customerProfile(name.toLowerCase() + "-" + run).created(name + " Smith",
                    name.toLowerCase() + "@" + (name.compareTo("C") < 0 ? "alpha" : "beta") + ".example",
                    name.compareTo("C") < 0 ? "Alpha Ltd" : "Beta Ltd", name.equals("Emil") ? "gold" : "silver"));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> ids("/api/customers", admin()).size() == 5);

        assertThat(names("/api/customers", admin())).containsExactly("Anna Smith", "Bert Smith", "Carla Smith",
                "Dora Smith", "Emil Smith");
        assertThat(names("/api/customers?sort=name&order=desc", admin())).startsWith("Emil Smith");
        assertThat(names("/api/customers?company=Alpha Ltd", admin())).containsExactly("Anna Smith", "Bert Smith");
        assertThat(names("/api/customers?tier=gold", admin())).containsExactly("Emil Smith");
        assertThat(names("/api/customers?q=dora", admin())).containsExactly("Dora Smith");
        assertThat(names("/api/customers?q=carla@beta.example", agent("alex", null))).containsExactly("Carla Smith");
        assertThat(names("/api/customers?q=beta", admin())).containsExactly("Carla Smith", "Dora Smith", "Emil Smith");

        List<String> paged = new ArrayList<>();
        String next = null;
        do {
            JsonNode page = get("/api/customers?sort=created&order=asc&size=2" + (next == null ? "" : "&cursor=" + next),
                    admin()).getBody();
            page.get("items").forEach(c -> paged.add(c.get("customerId").asText()));
            assertThat(page.get("total").asLong()).isEqualTo(5);
            next = page.path("next").isNull() ? null : page.path("next").asText();
        } while (next != null);
        assertThat(paged).containsExactlyElementsOf(customers.stream().map(c -> c.id).toList());
    }

    @Test
    void theListIsForStaffOfTheTenantOnly() {
        Customer mine = customerProfile("mine-" + UUID.randomUUID()).created("Mine", "mine@x.example", "X", null);
        awaitCustomer(mine.id, c -> true);

        ResponseEntity<JsonNode> asCustomer = get("/api/customers", customer(mine.id));
        assertThat(asCustomer.getStatusCode().value()).isEqualTo(403);
        assertThat(asCustomer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        As foreignAdmin = new As("tenant-" + UUID.randomUUID(), "ada", "admin", null);
        assertThat(ids("/api/customers", foreignAdmin)).isEmpty();
        assertThat(ids("/api/customers", teamLead())).containsExactly(mine.id);
    }

    @Test
    void badParametersAreProblemsNamingTheParameter() {
        assertBadRequest("/api/customers?colour=red", "colour");
        assertBadRequest("/api/customers?sort=shoeSize", "sort");
        assertBadRequest("/api/customers?order=sideways", "order");
        assertBadRequest("/api/customers?size=0", "size");
        assertBadRequest("/api/customers?cursor=garbage", "cursor");
        String byName = get("/api/customers?size=1", admin()).getBody().path("next").asText(null);
        if (byName != null) {
            assertBadRequest("/api/customers?sort=created&cursor=" + byName, "cursor");
        }
    }

    @Test
    void aRebuildMovesEveryCustomerToANewIndexWithProfileAndTicketFiguresWhileEventsKeepComing() throws Exception {
        Customer quiet = customerProfile("quiet-" + UUID.randomUUID()).created("Quinn Quiet", "quinn@acme.example",
                "Acme Corp", "gold");
        ticketFor(quiet.id, "Cannot log in");
        Ticket solved = ticketFor(quiet.id, "Invoice wrong").status(TicketStatus.OPEN, TicketStatus.RESOLVED,
                distinctNow());
        Customer busy = customerProfile("busy-" + UUID.randomUUID()).created("Bea Busy", "bea@initech.example",
                "Initech", "bronze");
        Ticket busyFirst = ticketFor(busy.id, "Slow exports");
        awaitApplied(solved);
        awaitApplied(busyFirst);
        // both tickets counted and the resolved one no longer open: the figures the rebuild must reproduce
        JsonNode quietBefore = awaitCustomer(quiet.id, c -> c.path("ticketsTotal").asLong() == 2
                && c.path("ticketsOpen").asLong() == 1);
        awaitCustomer(busy.id, c -> c.path("ticketsTotal").asLong() == 1);
        Projection customers = projections.named("customers").orElseThrow();
        Set<String> oldIndices = customers.index().currentIndices();

        ResponseEntity<JsonNode> started = call(HttpMethod.POST, "/api/admin/projections/customers/rebuild", null,
                admin());
        assertThat(started.getStatusCode().value()).isEqualTo(202);
        JsonNode status = started.getBody();
        List<Customer> createdDuring = new ArrayList<>();
        List<Ticket> busyTickets = new ArrayList<>(List.of(busyFirst));
        List<Integer> answersDuring = new ArrayList<>();
        while (status.get("state").asText().equals("RUNNING")) {
            if (createdDuring.size() < 20) { // a bounded number, so that all of them fit on one page of the list
                Customer during = customerProfile("during-" + UUID.randomUUID()).created("Dan During "
                        + createdDuring.size(), "dan@globex.example", "Globex", "silver");
                ticketFor(during.id, "Written during the rebuild");
                createdDuring.add(during);
                busy.updated("Bea Busy", "bea@umbrella.example", "Umbrella " + createdDuring.size(), "gold");
                busyTickets.add(ticketFor(busy.id, "Another one " + createdDuring.size()));
            }
            answersDuring.add(get("/api/customers?size=1", admin()).getStatusCode().value());
            status = get("/api/admin/projections/customers/rebuild", admin()).getBody();
        }

        assertThat(status.get("state").asText()).as(status.toString()).isEqualTo("COMPLETED");
        assertThat(answersDuring).isNotEmpty().containsOnly(200);
        Set<String> nowBehindAlias = customers.index().currentIndices();
        assertThat(nowBehindAlias).hasSize(1).doesNotContainAnyElementsOf(oldIndices);
        assertThat(nowBehindAlias.iterator().next()).startsWith("customers-v1-");
        for (String old : oldIndices) {
            assertThat(elasticsearch.indices().exists(e -> e.index(old)).value()).as("old index " + old + " deleted")
                    .isFalse();
        }
        // nothing touched this customer during the rebuild: its figures are back by the time it completed
        refresh("customers");
        JsonNode quietAfter = listed(quiet.id);
        assertThat(quietAfter).as("quiet customer after the rebuild").isNotNull();
        for (String field : List.of("name", "emails", "company", "tier", "createdAt", "ticketsTotal", "ticketsOpen",
                "lastContactAt")) {
            assertThat(quietAfter.get(field)).as(field).isEqualTo(quietBefore.get(field));
        }

        assertThat(createdDuring).isNotEmpty();
        String busyCompany = "Umbrella " + createdDuring.size();
        for (Ticket ticket : busyTickets) {
            awaitApplied(ticket);
        }
        awaitCustomer(busy.id, c -> busyCompany.equals(c.path("company").asText())
                && "gold".equals(c.path("tier").asText()) && c.path("ticketsTotal").asLong() == busyTickets.size());
        for (Customer during : createdDuring) {
            JsonNode listed = awaitCustomer(during.id, c -> c.path("ticketsTotal").asLong() == 1);
            assertThat(listed.get("company").asText()).isEqualTo("Globex");
            assertThat(listed.get("tier").asText()).isEqualTo("silver");
            assertThat(listed.get("ticketsOpen").asLong()).isEqualTo(1);
            assertThat(listed.get("lastContactAt").isNull()).isFalse();
        }
        assertThat(ids("/api/customers?size=100", admin())).hasSize(createdDuring.size() + 2);
    }

    @Test
    void theCustomersProjectionIsOperatedLikeTheOthers() {
        Customer rosa = customerProfile("rosa-" + UUID.randomUUID()).created("Rosa Ops", "rosa@x.example", "X", null);
        awaitCustomer(rosa.id, c -> true);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode health = get("/actuator/health", admin()).getBody();
            JsonNode projection = health.at("/components/projections/details/customers");
            assertThat(projection.path("listener").asText()).as(health.toString()).isEqualTo("running");
            assertThat(projection.path("alias").asText()).isEqualTo("customers");
            assertThat(projection.path("lagEvents").isNumber()).as(projection.toString()).isTrue();
            assertThat(projection.path("lagSeconds").isNumber()).isTrue();
        });
        JsonNode all = get("/api/admin/projections", admin()).getBody();
        assertThat(all.findValuesAsText("name")).contains("tickets", "metrics", "customers");
    }

    @Test
    void aCustomerRecordThatIsNotJsonIsDeadLetteredUnderTheCustomersProjection() {
        // another test context may consume the customers in the same group, so its counters are not asserted here
        String key = "garbled-" + UUID.randomUUID();
        publishRaw(EventStreams.CUSTOMERS, key, "{not json");
        Customer after = customerProfile(key).created("After The Garbage", "after@x.example", "X", null);

        awaitCustomer(after.id, c -> true);
        ConsumerRecord<String, String> deadLetter = deadLetter(key);
        assertThat(new String(deadLetter.headers().lastHeader("autocrm-projection").value())).isEqualTo("customers");
        assertThat(deadLetter.value()).isEqualTo("{not json");
    }

    @Test
    void theCustomerListWaitsForTheCustomerVersionsInTheReadAfterHeader() {
        Customer vera = customerProfile("vera-" + UUID.randomUUID()).created("Vera Old", "vera@old.example",
                "Old Co", "bronze");
        Ticket ticket = ticketFor(vera.id, "Where is my parcel");
        awaitCustomer(vera.id, c -> true);

        vera.updated("Vera New", "vera@new.example", "New Co", "gold"); // read right away, without waiting
        ResponseEntity<JsonNode> list = get("/api/customers?company=New Co", admin(), READ_AFTER, vera.id + ":1");
        assertThat(list.getStatusCode().value()).as(String.valueOf(list.getBody())).isEqualTo(200);
        assertThat(list.getBody().get("items").findValuesAsText("customerId")).containsExactly(vera.id);

        ResponseEntity<JsonNode> notYet = get("/api/customers", admin(), READ_AFTER, vera.id + ":7");
        assertThat(notYet.getStatusCode().value()).isEqualTo(503);
        assertThat(notYet.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(notYet.getHeaders().getFirst("Retry-After")).isNotNull();
        // in another tenant there is no such customer: nothing to wait for
        ResponseEntity<JsonNode> foreign = get("/api/customers", new As("tenant-" + UUID.randomUUID(), "ada", "admin",
                null), READ_AFTER, vera.id + ":0");
        assertThat(foreign.getStatusCode().value()).isEqualTo(404);

        // a customer's tickets are the tickets projection's: there the header names tickets
        ResponseEntity<JsonNode> tickets = get("/api/customers/" + vera.id + "/tickets", admin(), READ_AFTER,
                ticket.id + ":0");
        assertThat(tickets.getStatusCode().value()).isEqualTo(200);
        assertThat(tickets.getBody().get("items").findValuesAsText("ticketId")).containsExactly(ticket.id);
    }

    private ConsumerRecord<String, String> deadLetter(String key) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafka().bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(DEAD_LETTERS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            return await().atMost(Duration.ofSeconds(20)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        return record;
                    }
                }
                return null;
            }, Objects::nonNull);
        }
    }

    /** The customer as the first page of the list shows it, or null. */
    private JsonNode listed(String customerId) {
        for (JsonNode c : get("/api/customers?size=100", admin()).getBody().path("items")) {
            if (c.path("customerId").asText().equals(customerId)) {
                return c;
            }
        }
        return null;
    }

    private void assertBadRequest(String path, String parameter) {
        ResponseEntity<JsonNode> response = get(path, admin());
        assertThat(response.getStatusCode().value()).as(path).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("detail").asText()).as(path).contains(parameter);
    }

    private JsonNode awaitCustomer(String customerId, Predicate<JsonNode> until) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            refresh("customers");
            return listed(customerId);
        }, c -> c != null && until.test(c));
    }

    private List<String> ids(String path, As as) {
        refresh("customers");
        ResponseEntity<JsonNode> response = get(path, as);
        assertThat(response.getStatusCode().value()).as(path + " " + response.getBody()).isEqualTo(200);
        return response.getBody().get("items").findValuesAsText("customerId");
    }

    private List<String> names(String path, As as) {
        ResponseEntity<JsonNode> response = get(path, as);
        assertThat(response.getStatusCode().value()).as(path + " " + response.getBody()).isEqualTo(200);
        return response.getBody().get("items").findValuesAsText("name");
    }

    private List<String> ticketIds(String path, As as) {
        refresh("tickets");
        ResponseEntity<JsonNode> response = get(path, as);
        assertThat(response.getStatusCode().value()).as(path + " " + response.getBody()).isEqualTo(200);
        return response.getBody().get("items").findValuesAsText("ticketId");
    }
}
