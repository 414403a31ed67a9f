package org.autocrm.query.views.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.autocrm.query.ticketsearch.TicketSearch;
import org.autocrm.query.ticketsearch.TicketSort;
import org.autocrm.query.web.InvalidParameter;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;

class ViewDefinitionTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void readsFiltersAsTheTicketListReadsItsParameters() throws Exception {
        Map<String, List<String>> filters = ViewDefinition.filters(Map.of(
                "status", json.readTree("[\"OPEN\",\"pending\"]"),
                "unassigned", json.readTree("true"),
                "cf.plan", json.readTree("\"pro\""),
                "company", json.readTree("null")));

        TicketSearch search = ViewDefinition.search(filters, ViewDefinition.sort("Priority"), ViewDefinition.order(null));

        assertThat(filters).doesNotContainKey("company");
        assertThat(search.statuses()).containsExactly("OPEN", "PENDING");
        assertThat(search.unassigned()).isTrue();
        assertThat(search.customFields()).containsEntry("plan", "pro");
        assertThat(search.sort()).isEqualTo(new TicketSort(TicketSort.Field.PRIORITY, false));
    }

    @Test
    void namesTheFilterThatIsWrong() throws Exception {
        assertRefused(() -> ViewDefinition.search(Map.of("priority", List.of("very high")), "created", "desc"),
                "filters.priority");
        assertRefused(() -> ViewDefinition.search(Map.of("agentId", List.of("a", "b")), "created", "desc"),
                "filters.agentId");
        assertRefused(() -> ViewDefinition.search(Map.of(), "created", "upwards"), "order");
        assertRefused(() -> ViewDefinition.filters(Map.of("size", json.readTree("10"))), "filters.size");
        assertRefused(() -> ViewDefinition.filters(Map.of("tag", json.readTree("[[\"a\"]]"))), "filters.tag");
        assertRefused(() -> ViewDefinition.name("x".repeat(101)), "name");
        assertThat(ViewDefinition.name("  Mine  ")).isEqualTo("Mine");
    }

    @Test
    void aRunMayPageButNotChangeTheFilters() {
        LinkedMultiValueMap<String, String> run = new LinkedMultiValueMap<>();
        run.add("size", "5");
        assertThat(ViewDefinition.run(Map.of(), "created", "desc", run).size()).isEqualTo(5);
        run.add("status", "OPEN");
        assertRefused(() -> ViewDefinition.run(Map.of(), "created", "desc", run), "status");
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String parameter) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidParameter.class,
                e -> assertThat(e.parameter()).isEqualTo(parameter));
    }
}
