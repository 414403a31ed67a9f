package org.autocrm.query.ticketsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The questions the read API asks of the ticket index; every one is bound to one tenant. */
@Component
public class TicketQueries {

    private final ElasticsearchClient client;
    private final TicketIndex index;

    TicketQueries(ElasticsearchClient client, TicketIndex index) {
        this.client = client;
        this.index = index;
    }

    /** FindTicket: the ticket if it exists in this tenant; another tenant's ticket is not found. */
    public Optional<TicketView> find(String tenantId, String ticketId) throws IOException {
        index.ensureExists();
        GetResponse<TicketDocument> response = client.get(g -> g.index(TicketIndex.ALIAS).id(ticketId),
                TicketDocument.class);
        return Optional.ofNullable(response.source())
                .filter(document -> document.tenantId().equals(tenantId))
                .map(TicketView::of);
    }

    /** ListTickets: the tenant's tickets, newest first. */
    public TicketPage newestFirst(String tenantId, int page, int size) throws IOException {
        index.ensureExists();
        SearchResponse<TicketDocument> response = client.search(s -> s
                .index(TicketIndex.ALIAS)
                .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("tenantId").value(tenantId)))))
                .sort(o -> o.field(f -> f.field("createdAt").order(SortOrder.Desc)))
                .sort(o -> o.field(f -> f.field("number").order(SortOrder.Desc)))
                .from(page * size)
                .size(size)
                .trackTotalHits(t -> t.enabled(true)), TicketDocument.class);
        return new TicketPage(response.hits().hits().stream().map(hit -> TicketView.of(hit.source())).toList(),
                response.hits().total() == null ? 0 : response.hits().total().value(), page, size);
    }
}
