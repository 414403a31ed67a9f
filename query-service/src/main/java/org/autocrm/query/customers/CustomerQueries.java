package org.autocrm.query.customers;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.autocrm.access.Caller;
import org.springframework.stereotype.Component;

/**
 * The questions the read API asks of the customer index: always within the caller's tenant, and
 * only customers whose profile has arrived (ticket figures alone do not make a customer).
 */
@Component
public class CustomerQueries {

    private final ElasticsearchClient client;
    private final CustomerIndex index;

    CustomerQueries(ElasticsearchClient client, CustomerIndex index) {
        this.client = client;
        this.index = index;
    }

    /** SearchCustomers: one page of the tenant's customers that match, in the asked order. Staff only (checked by the caller). */
    public CustomerPage search(Caller caller, CustomerSearch search) throws IOException {
        index.ensureExists();
        CustomerSort.Field field = search.sort().field();
        SortOrder order = search.sort().ascending() ? SortOrder.Asc : SortOrder.Desc;
        SearchResponse<ObjectNode> response = client.search(s -> {
            s.index(CustomerIndex.ALIAS)
                    .query(q -> q.bool(b -> {
                        b.filter(f -> f.term(t -> t.field("tenantId").value(caller.tenantId())));
                        b.filter(f -> f.exists(e -> e.field("lastSequence")));
                        if (search.company() != null) {
                            b.filter(f -> f.term(t -> t.field("company").value(search.company())));
                        }
                        if (search.tier() != null) {
                            b.filter(f -> f.term(t -> t.field("tier").value(search.tier())));
                        }
                        if (search.text() != null) {
                            b.must(m -> m.multiMatch(mm -> mm.query(search.text())
                                    .fields("name^3", "emails^2", "company.text")
                                    .type(TextQueryType.CrossFields)
                                    .operator(Operator.And)));
                        }
                        return b;
                    }))
                    .sort(o -> o.field(f -> {
                        f.field(field.documentField).order(order);
                        if (field.missing != null) {
                            f.missing(field.missing);
                        }
                        return f;
                    }))
                    .sort(o -> o.field(f -> f.field("customerId").order(order)))
                    .size(search.size())
                    .trackTotalHits(t -> t.enabled(true));
            if (search.after() != null) {
                s.searchAfter(search.after().sortValue(), FieldValue.of(search.after().customerId()));
            }
            return s;
        }, ObjectNode.class);
        List<Hit<ObjectNode>> hits = response.hits().hits();
        String next = null;
        if (hits.size() == search.size()) {
            Hit<ObjectNode> last = hits.get(hits.size() - 1);
            next = new CustomerCursor(search.sort(), last.sort().get(0), last.source().path("customerId").asText())
                    .encode();
        }
        List<CustomerView> items = new ArrayList<>();
        hits.forEach(hit -> items.add(view(hit.source())));
        return new CustomerPage(items, response.hits().total() == null ? 0 : response.hits().total().value(), next);
    }

    private CustomerView view(JsonNode d) {
        List<String> emails = new ArrayList<>();
        d.path("emails").forEach(e -> emails.add(e.asText()));
        return new CustomerView(d.path("customerId").asText(), text(d, "name"), emails, text(d, "phone"),
                text(d, "company"), text(d, "tier"), text(d, "language"), text(d, "timeZone"), text(d, "externalId"),
                d.path("ticketsTotal").asLong(), d.path("ticketsOpen").asLong(), instant(d, "lastContactAt"),
                instant(d, "createdAt"), instant(d, "updatedAt"));
    }

    private static String text(JsonNode d, String field) {
        return d.hasNonNull(field) ? d.get(field).asText() : null;
    }

    private static Instant instant(JsonNode d, String field) {
        return d.hasNonNull(field) ? Instant.parse(d.get(field).asText()) : null;
    }
}
