package org.autocrm.query.ticketsearch;

import org.autocrm.query.EventStreamIntegration;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** GET /api/tickets: every filter, every sort, cursor paging while tickets change, full text and bad input. */
class TicketFiltersIT extends EventStreamIntegration {

    private static final Instant MONDAY = Instant.parse("2026-11-16T09:00:00Z");

    @Test
    void eachFilterNarrowsTheList() {
        TicketEvents login = ticketAt(MONDAY, "Cannot log in", Map.of("priority", "HIGH", "categoryId", "access",
                "tags", List.of("login", "vip"), "customFields", Map.of("plan", "gold"), "channel", "email"));
        TicketEvents printer = ticketAt(MONDAY.plus(1, ChronoUnit.DAYS), "Printer jammed", Map.of("priority", "LOW",
                "categoryId", "hardware", "tags", List.of("login"), "customerId", "omar", "channel", "phone",
                "customFields", Map.of("plan", "silver")))
                .at(MONDAY.plus(3, ChronoUnit.DAYS)).assigned("alex", null).status("PENDING");
        TicketEvents refund = ticketAt(MONDAY.plus(2, ChronoUnit.DAYS), "Refund please", Map.of("priority", "URGENT",
                "channel", "chat"))
                .at(MONDAY.plus(2, ChronoUnit.DAYS)).assigned(null, "billing").status("RESOLVED");
        List.of(login, printer, refund).forEach(this::awaitVersion);

        assertThat(ids("status=OPEN&status=PENDING")).containsExactlyInAnyOrder(login.id, printer.id);
        assertThat(ids("status=resolved")).containsExactly(refund.id);
        assertThat(ids("priority=HIGH")).containsExactly(login.id);
        assertThat(ids("priority=LOW&priority=URGENT")).containsExactlyInAnyOrder(printer.id, refund.id);
        assertThat(ids("priority=VERY_HIGH")).isEmpty();
        assertThat(ids("categoryId=hardware")).containsExactly(printer.id);
        assertThat(ids("tag=login")).containsExactlyInAnyOrder(login.id, printer.id);
        assertThat(ids("tag=login&tag=vip")).containsExactly(login.id);
        assertThat(ids("agentId=alex")).containsExactly(printer.id);
        assertThat(ids("groupId=billing")).containsExactly(refund.id);
        assertThat(ids("unassigned=true")).containsExactly(login.id);
        assertThat(ids("customerId=omar")).containsExactly(printer.id);
        assertThat(ids("channel=chat")).containsExactly(refund.id);
        assertThat(ids("cf.plan=gold")).containsExactly(login.id);
        assertThat(ids("cf.plan=bronze")).isEmpty();
        assertThat(ids("createdFrom=2026-11-17T09:00:00Z")).containsExactlyInAnyOrder(printer.id, refund.id);
        assertThat(ids("createdFrom=2026-11-17T00:00:00Z&createdTo=2026-11-18T00:00:00Z")).containsExactly(printer.id);
        assertThat(ids("updatedFrom=2026-11-19T00:00:00Z")).containsExactly(printer.id);
        assertThat(ids("updatedTo=2026-11-17T00:00:00Z")).containsExactly(login.id);
        assertThat(ids("status=OPEN&status=PENDING&tag=login&channel=phone")).containsExactly(printer.id);
        assertThat(get("/api/tickets?priority=LOW&priority=URGENT", admin()).getBody().get("total").asLong())
                .isEqualTo(2);
    }

    @Test
    void sortsByCreatedUpdatedAndPriorityEitherWayWithStableTies() {
        TicketEvents a = ticketAt(MONDAY, "a", Map.of("priority", "URGENT")).at(MONDAY.plusSeconds(50)).status("PENDING");
        TicketEvents b = ticketAt(MONDAY.plusSeconds(10), "b", Map.of("priority", "LOW"))
                .at(MONDAY.plusSeconds(30)).status("PENDING");
        TicketEvents c = ticketAt(MONDAY.plusSeconds(20), "c", Map.of("priority", "HIGH"))
                .at(MONDAY.plusSeconds(40)).status("PENDING");
        TicketEvents d = ticketAt(MONDAY.plusSeconds(30), "d", Map.of("priority", "HIGH"))
                .at(MONDAY.plusSeconds(60)).status("PENDING");
        List.of(a, b, c, d).forEach(this::awaitVersion);
        List<String> highTie = c.id.compareTo(d.id) < 0 ? List.of(c.id, d.id) : List.of(d.id, c.id);

        assertThat(ids("")).containsExactly(d.id, c.id, b.id, a.id);
        assertThat(ids("sort=created&order=asc")).containsExactly(a.id, b.id, c.id, d.id);
        assertThat(ids("sort=updated")).containsExactly(d.id, a.id, c.id, b.id);
        assertThat(ids("sort=updated&order=asc")).containsExactly(b.id, c.id, a.id, d.id);
        assertThat(ids("sort=priority&order=asc")).containsExactly(b.id, highTie.get(0), highTie.get(1), a.id);
        assertThat(ids("sort=priority&order=desc")).containsExactly(a.id, highTie.get(1), highTie.get(0), b.id);
    }

    @Test
    void cursorPagesNeitherRepeatNorSkipTicketsWhileTicketsChange() {
        List<TicketEvents> tickets = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            tickets.add(ticketAt(MONDAY.plusSeconds(i), "ticket " + i, Map.of()));
        }
        tickets.forEach(this::awaitVersion);

        JsonNode first = get("/api/tickets?size=3", admin()).getBody();
        assertThat(first.get("total").asLong()).isEqualTo(7);
        List<String> seen = new ArrayList<>(first.get("items").findValuesAsText("ticketId"));
        // a ticket on a later page changes, and a new ticket arrives, between the pages
        TicketEvents changed = tickets.get(1).at(Instant.now()).send("autocrm.ticket.tags_changed.v1",
                Map.of("tags", List.of("changed")));
        awaitVersion(changed);
        TicketEvents arrived = ticketAt(MONDAY.plusSeconds(100), "arrived meanwhile", Map.of());
        awaitVersion(arrived);

        String next = first.get("next").asText();
        while (next != null) {
            JsonNode page = get("/api/tickets?size=3&cursor=" + next, admin()).getBody();
            seen.addAll(page.get("items").findValuesAsText("ticketId"));
            next = page.get("next").isNull() ? null : page.get("next").asText();
        }

        List<String> newestFirst = new ArrayList<>(tickets.stream().map(t -> t.id).toList());
        Collections.reverse(newestFirst);
        assertThat(seen).containsExactlyElementsOf(newestFirst);
    }

    @Test
    void byLastUpdateATicketThatChangesMovesAheadWhileTheOthersArePagedOnceEach() {
        List<TicketEvents> tickets = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tickets.add(ticketAt(MONDAY.plusSeconds(i), "ticket " + i, Map.of()));
        }
        tickets.forEach(this::awaitVersion);

        JsonNode first = get("/api/tickets?size=2&sort=updated", admin()).getBody();
        List<String> seen = new ArrayList<>(first.get("items").findValuesAsText("ticketId"));
        TicketEvents changed = tickets.get(0).at(Instant.now()).status("PENDING");
        awaitVersion(changed);
        String next = first.get("next").asText();
        while (next != null) {
            JsonNode page = get("/api/tickets?size=2&sort=updated&cursor=" + next, admin()).getBody();
            seen.addAll(page.get("items").findValuesAsText("ticketId"));
            next = page.get("next").isNull() ? null : page.get("next").asText();
        }

        assertThat(seen).containsExactly(tickets.get(5).id, tickets.get(4).id, tickets.get(3).id, tickets.get(2).id,
                tickets.get(1).id);
        assertThat(ids("sort=updated").get(0)).isEqualTo(changed.id);
    }

    @Test
    void cursorFollowsTheSortItWasMadeFor() {
        for (int i = 0; i < 3; i++) {
            awaitVersion(ticketAt(MONDAY.plusSeconds(i), "ticket " + i, Map.of("priority", "HIGH")));
        }
        JsonNode first = get("/api/tickets?size=2&sort=priority&order=asc", admin()).getBody();
        String next = first.get("next").asText();

        assertThat(get("/api/tickets?size=2&sort=priority&order=asc&cursor=" + next, admin()).getBody()
                .get("items").size()).isEqualTo(1);
        assertThat(get("/api/tickets?size=2&sort=priority&order=asc&cursor=" + next, admin()).getBody()
                .get("next").isNull()).isTrue();
        ResponseEntity<JsonNode> otherSort = get("/api/tickets?size=2&sort=created&cursor=" + next, admin());
        assertThat(otherSort.getStatusCode().value()).isEqualTo(400);
        assertThat(otherSort.getBody().get("parameter").asText()).isEqualTo("cursor");
    }

    @Test
    void fullTextSearchesSubjectDescriptionAndPublicRepliesIncludingMergedOnes() {
        TicketEvents bySubject = ticketAt(MONDAY, "Invoice missing", Map.of());
        TicketEvents byDescription = ticketAt(MONDAY.plusSeconds(1), "Question",
                Map.of("description", "the invoice for October never arrived"));
        TicketEvents byReply = ticketAt(MONDAY.plusSeconds(2), "Something else", Map.of())
                .message("public", "Your invoice was resent today", "agent");
        TicketEvents byMerge = ticketAt(MONDAY.plusSeconds(3), "Merged conversation", Map.of())
                .send("autocrm.ticket.merge_received.v1", Map.of("sourceTicketId", "older", "sourceNumber", 3,
                        "messages", List.of(Map.of("messageId", "m1", "visibility", "public",
                                "body", "Where is my invoice?", "by", Map.of("userId", "sarah", "role", "customer")))));
        TicketEvents unrelated = ticketAt(MONDAY.plusSeconds(4), "Password reset", Map.of());
        List.of(bySubject, byDescription, byReply, byMerge, unrelated).forEach(this::awaitVersion);

        assertThat(ids("q=invoice")).containsExactlyInAnyOrder(bySubject.id, byDescription.id, byReply.id, byMerge.id);
        assertThat(ids("q=october invoice")).containsExactly(byDescription.id);
        assertThat(ids("q=invoice&createdFrom=2026-11-16T09:00:02Z")).containsExactlyInAnyOrder(byReply.id, byMerge.id);
        assertThat(ids("q=password")).containsExactly(unrelated.id);
        assertThat(get("/api/tickets?q=invoice", admin()).getBody().toString()).doesNotContain("resent");
    }

    @Test
    void aRedeliveredMessageIsCountedAndIndexedOnce() {
        TicketEvents ticket = ticketAt(MONDAY, "Redelivery", Map.of()).message("public", "unique wombat text", "agent");
        awaitVersion(ticket);
        ticket.sequence--;
        ticket.message("public", "unique wombat text", "agent").message("public", "second reply", "customer");
        awaitVersion(ticket);

        JsonNode view = get("/api/tickets/" + ticket.id, admin()).getBody();
        assertThat(view.get("publicMessages").asInt()).isEqualTo(2);
        assertThat(ids("q=wombat")).containsExactly(ticket.id);
        assertThat(ids("q=second reply")).containsExactly(ticket.id);
    }

    @Test
    void aCustomersHistoryIsPagedByCursorAndRefusesListFilters() {
        List<TicketEvents> tickets = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tickets.add(ticketAt(MONDAY.plusSeconds(i), "history " + i, Map.of("customerId", "hana")));
        }
        tickets.forEach(this::awaitVersion);

        JsonNode first = get("/api/customers/hana/tickets?size=2", customer("hana")).getBody();
        JsonNode second = get("/api/customers/hana/tickets?size=2&cursor=" + first.get("next").asText(),
                customer("hana")).getBody();

        assertThat(first.get("total").asLong()).isEqualTo(3);
        assertThat(first.get("items").findValuesAsText("ticketId")).containsExactly(tickets.get(2).id, tickets.get(1).id);
        assertThat(second.get("items").findValuesAsText("ticketId")).containsExactly(tickets.get(0).id);
        assertThat(second.get("next").isNull()).isTrue();
        ResponseEntity<JsonNode> filtered = get("/api/customers/hana/tickets?status=OPEN", admin());
        assertThat(filtered.getStatusCode().value()).isEqualTo(400);
        assertThat(filtered.getBody().get("parameter").asText()).isEqualTo("status");
        assertThat(get("/api/customers/hana/tickets?size=500", admin()).getBody().get("parameter").asText())
                .isEqualTo("size");
    }

    @ParameterizedTest
    @CsvSource({
            "status=WAITING, status",
            "priority=very-high, priority",
            "sort=name, sort",
            "order=sideways, order",
            "createdFrom=yesterday, createdFrom",
            "updatedTo=2026-11-16, updatedTo",
            "unassigned=maybe, unassigned",
            "size=0, size",
            "size=many, size",
            "cursor=bm90LWEtY3Vyc29y, cursor",
            "cursor=!!!, cursor",
            "page=2, page",
            "agentId=a&agentId=b, agentId",
            "cf.bad!key=1, cf.bad!key"})
    void badParametersAreProblemsNamingTheParameter(String query, String parameter) {
        ResponseEntity<JsonNode> response = get("/api/tickets?" + query, admin());

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("parameter").asText()).isEqualTo(parameter);
        assertThat(response.getBody().get("detail").asText()).startsWith(parameter);
    }

    @Test
    void theApiDocumentNamesEveryListParameterButNotTheCaller() {
        JsonNode paths = get("/v3/api-docs", admin()).getBody().get("paths");
        JsonNode parameters = paths.at("/~1api~1tickets/get/parameters");

        assertThat(parameters.findValuesAsText("name")).contains("status", "priority", "categoryId", "tag", "agentId",
                "groupId", "unassigned", "customerId", "channel", "createdFrom", "createdTo", "updatedFrom",
                "updatedTo", "q", "sort", "order", "size", "cursor").doesNotContain("caller", "parameters");
        assertThat(paths.toString()).doesNotContain("\"caller\"");
    }

    private List<String> ids(String query) {
        ResponseEntity<JsonNode> response = get("/api/tickets?size=100&" + query, admin());
        assertThat(response.getStatusCode().value()).as(query + " " + response.getBody()).isEqualTo(200);
        return response.getBody().get("items").findValuesAsText("ticketId");
    }
}
