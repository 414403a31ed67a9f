package org.autocrm.query.ticketsearch.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.autocrm.query.ticketsearch.TicketCursor;
import org.autocrm.query.ticketsearch.TicketSearch;
import org.autocrm.query.ticketsearch.TicketSort;
import org.autocrm.query.web.InvalidParameter;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

class TicketSearchParametersTest {

    @Test
    void readsEveryFilterSortAndPage() {
        String cursor = new TicketCursor(new TicketSort(TicketSort.Field.PRIORITY, true), 3, "t-1").encode();
        TicketSearch search = TicketSearchParameters.read(query("status=open,pending&status=ON_HOLD&priority=high"
                + "&categoryId=c&tag=a,b&tags=c&agentId=alex&groupId=g&unassigned=true&customerId=sarah&channel=chat"
                + "&cf.plan=gold&createdFrom=2026-11-01T00:00:00Z&createdTo=2026-11-02T00:00:00Z"
                + "&updatedFrom=2026-11-03T00:00:00Z&updatedTo=2026-11-04T00:00:00Z&q= login  &sort=priority&order=asc"
                + "&size=10&cursor=" + cursor));

        assertThat(search.statuses()).containsExactly("OPEN", "PENDING", "ON_HOLD");
        assertThat(search.priorities()).containsExactly("HIGH");
        assertThat(search.tags()).containsExactly("a", "b", "c");
        assertThat(search.customFields()).isEqualTo(Map.of("plan", "gold"));
        assertThat(search.unassigned()).isTrue();
        assertThat(search.createdFrom()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(search.updatedTo()).isEqualTo(Instant.parse("2026-11-04T00:00:00Z"));
        assertThat(search.text()).isEqualTo("login");
        assertThat(search.sort()).isEqualTo(new TicketSort(TicketSort.Field.PRIORITY, true));
        assertThat(search.after()).isEqualTo(new TicketCursor(search.sort(), 3, "t-1"));
        assertThat(search.size()).isEqualTo(10);
        assertThat(List.of(search.categoryId(), search.agentId(), search.groupId(), search.customerId(),
                search.channel())).containsExactly("c", "alex", "g", "sarah", "chat");
    }

    @Test
    void defaultsToTheNewestTwentyFiveOfEverything() {
        TicketSearch search = TicketSearchParameters.read(query(""));

        assertThat(search.sort()).isEqualTo(TicketSort.NEWEST_FIRST);
        assertThat(search.size()).isEqualTo(25);
        assertThat(search.after()).isNull();
        assertThat(search.text()).isNull();
        assertThat(search.statuses()).isEmpty();
    }

    @Test
    void refusesACursorMadeForAnotherOrder() {
        String cursor = new TicketCursor(TicketSort.NEWEST_FIRST, 3, "t-1").encode();

        assertThatThrownBy(() -> TicketSearchParameters.read(query("order=asc&cursor=" + cursor)))
                .isInstanceOfSatisfying(InvalidParameter.class, e -> assertThat(e.parameter()).isEqualTo("cursor"));
    }

    @Test
    void namesAnUnknownParameter() {
        assertThatThrownBy(() -> TicketSearchParameters.read(query("assignee=alex")))
                .isInstanceOfSatisfying(InvalidParameter.class, e -> assertThat(e.parameter()).isEqualTo("assignee"));
    }

    private static MultiValueMap<String, String> query(String query) {
        return new LinkedMultiValueMap<>(UriComponentsBuilder.fromUriString("/?" + query).build().getQueryParams());
    }
}
