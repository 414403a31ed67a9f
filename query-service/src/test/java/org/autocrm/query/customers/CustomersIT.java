package org.autocrm.query.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.autocrm.events.Actor;
import org.autocrm.events.EventStreams;
import org.autocrm.events.TicketStatus;
import org.autocrm.query.EventStreamIntegration;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The customer projection and list from real customer and ticket events: profiles, ticket figures
 * and last contact, the company and tier on tickets in whatever order the two topics deliver.
 */
class CustomersIT extends EventStreamIntegration {

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

    private void assertBadRequest(String path, String parameter) {
        ResponseEntity<JsonNode> response = get(path, admin());
        assertThat(response.getStatusCode().value()).as(path).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("detail").asText()).as(path).contains(parameter);
    }

    private JsonNode awaitCustomer(String customerId, Predicate<JsonNode> until) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            refresh("customers");
            JsonNode page = get("/api/customers?size=100", admin()).getBody();
            for (JsonNode c : page.path("items")) {
                if (c.path("customerId").asText().equals(customerId)) {
                    return c;
                }
            }
            return null;
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
