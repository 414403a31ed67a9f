package org.autocrm.query.ticketsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.autocrm.access.Caller;
import org.autocrm.query.customfields.CustomerVisibleFields;
import org.autocrm.query.sla.SlaFilter;
import org.springframework.stereotype.Component;

/**
 * The questions the read API asks of the ticket index. Every one is bound to the caller through
 * {@link TicketVisibility}; message text is searched but returned only as the conversation of one ticket.
 */
@Component
public class TicketQueries {

    /** Read only as one ticket's conversation ({@link TicketSnapshots}), never with a ticket or a list. */
    private static final List<String> TEXT_FIELDS = List.of("publicText", "internalText", "adminText", "messages",
            "files");
    private static final List<FieldValue> DONE = List.of(FieldValue.of("RESOLVED"), FieldValue.of("CLOSED"));
    private static final int MAX_BUCKETS = 500;

    private final ElasticsearchClient client;
    private final TicketIndex index;
    private final TicketSnapshots snapshots;
    private final CustomerVisibleFields customerVisible;

    TicketQueries(ElasticsearchClient client, TicketIndex index, TicketSnapshots snapshots,
                  CustomerVisibleFields customerVisible) {
        this.client = client;
        this.index = index;
        this.snapshots = snapshots;
        this.customerVisible = customerVisible;
    }

    /** FindTicket: the ticket if the caller may see it; otherwise (or if it does not exist) empty. */
    public Optional<TicketView> find(Caller caller, String ticketId) throws IOException {
        index.ensureExists();
        GetResponse<TicketDocument> response = client.get(g -> g.index(TicketIndex.ALIAS).id(ticketId)
                .sourceExcludes(TEXT_FIELDS), TicketDocument.class);
        return Optional.ofNullable(response.source())
                .filter(document -> TicketVisibility.sees(caller, document))
                .map(document -> TicketView.of(document, caller, customerVisible));
    }

    /** ReadConversation: the ticket's messages and files the caller may read; empty if they may not see the ticket. */
    public Optional<ConversationView> conversation(Caller caller, String ticketId) throws IOException {
        return Optional.ofNullable(snapshots.read(List.of(ticketId), true).get(ticketId))
                .filter(ticket -> ticket.visibleTo(caller))
                .map(ticket -> ticket.conversationFor(caller));
    }

    /** SearchTickets: one page of the tickets the caller may see that match, in the asked order. */
    public TicketPage search(Caller caller, TicketSearch search) throws IOException {
        index.ensureExists();
        TicketSort sort = search.sort();
        SortOrder order = sort.ascending() ? SortOrder.Asc : SortOrder.Desc;
        SearchResponse<TicketDocument> response = client.search(s -> {
            s.index(TicketIndex.ALIAS)
                    .query(q -> q.bool(b -> matching(b.filter(TicketVisibility.filter(caller)), caller, search)))
                    .sort(o -> o.field(f -> f.field(sort.field().documentField).order(order).missing("_last")))
                    .sort(o -> o.field(f -> f.field("ticketId").order(order)))
                    .source(src -> src.filter(f -> f.excludes(TEXT_FIELDS)))
                    .size(search.size())
                    .trackTotalHits(t -> t.enabled(true));
            if (search.after() != null) {
                s.searchAfter(FieldValue.of(search.after().sortValue()), FieldValue.of(search.after().ticketId()));
            }
            return s;
        }, TicketDocument.class);
        List<Hit<TicketDocument>> hits = response.hits().hits();
        String next = null;
        if (hits.size() == search.size()) {
            Hit<TicketDocument> last = hits.get(hits.size() - 1);
            next = new TicketCursor(sort, last.sort().get(0).longValue(), last.source().ticketId()).encode();
        }
        return new TicketPage(hits.stream().map(hit -> TicketView.of(hit.source(), caller, customerVisible)).toList(),
                response.hits().total() == null ? 0 : response.hits().total().value(), next);
    }

    /** QueueStatistics: counts over the tickets the caller may see. */
    public QueueStatistics queue(Caller caller) throws IOException {
        return queue(caller, null);
    }

    /** QueueStatistics: counts over the tickets the caller may see, of one company's customers if it is given. */
    public QueueStatistics queue(Caller caller, String company) throws IOException {
        index.ensureExists();
        Query seen = company == null ? TicketVisibility.filter(caller) : Query.of(q -> q.bool(b -> b
                .filter(TicketVisibility.filter(caller))
                .filter(f -> f.term(t -> t.field("company").value(company)))));
        Query open = Query.of(q -> q.bool(b -> b.mustNot(m -> m.terms(t -> t.field("status").terms(v -> v.value(DONE))))));
        SearchResponse<Void> response = client.search(s -> s
                .index(TicketIndex.ALIAS)
                .size(0)
                .query(seen)
                .aggregations("byStatus", a -> a.terms(t -> t.field("status").size(MAX_BUCKETS)))
                .aggregations("open", a -> a.filter(open)
                        .aggregations("byPriority", sub -> sub.terms(t -> t.field("priority").size(MAX_BUCKETS)))
                        .aggregations("byAgent", sub -> sub.terms(t -> t.field("agentId").size(MAX_BUCKETS)))
                        .aggregations("byGroup", sub -> sub.terms(t -> t.field("groupId").size(MAX_BUCKETS)))
                        .aggregations("unassigned", sub -> sub.filter(f -> f.bool(b -> b
                                .mustNot(m -> m.exists(e -> e.field("agentId")))
                                .mustNot(m -> m.exists(e -> e.field("groupId"))))))),
                Void.class);
        Map<String, Aggregate> aggregations = response.aggregations();
        var openWork = aggregations.get("open").filter();
        return new QueueStatistics(counts(aggregations.get("byStatus")), openWork.docCount(),
                counts(openWork.aggregations().get("byPriority")), counts(openWork.aggregations().get("byAgent")),
                counts(openWork.aggregations().get("byGroup")),
                openWork.aggregations().get("unassigned").filter().docCount());
    }

    /** CountTickets: how many tickets the caller may see match (cursor, sort and size are ignored). */
    public long count(Caller caller, TicketSearch search) throws IOException {
        index.ensureExists();
        return client.count(c -> c.index(TicketIndex.ALIAS)
                .query(q -> q.bool(b -> matching(b.filter(TicketVisibility.filter(caller)), caller, search)))).count();
    }

    private static Map<String, Long> counts(Aggregate terms) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (StringTermsBucket bucket : terms.sterms().buckets().array()) {
            counts.put(bucket.key().stringValue(), bucket.docCount());
        }
        return counts;
    }

    private BoolQuery.Builder matching(BoolQuery.Builder b, Caller caller, TicketSearch search) {
        anyOf(b, "status", search.statuses());
        anyOf(b, "priority", search.priorities());
        term(b, "categoryId", search.categoryId());
        search.tags().forEach(tag -> term(b, "tags", tag));
        term(b, "agentId", search.agentId());
        term(b, "groupId", search.groupId());
        term(b, "customerId", search.customerId());
        term(b, "channel", search.channel());
        term(b, "company", search.company());
        term(b, "tier", search.tier());
        search.customFields().forEach((key, value) -> {
            if (TicketVisibility.seesField(caller, key, customerVisible)) {
                term(b, "customFields." + key, value);
            } else {
                // a field the caller does not see matches none of their tickets, telling nothing of its values
                b.mustNot(m -> m.matchAll(all -> all));
            }
        });
        if (!search.slaStatuses().isEmpty()) {
            b.filter(SlaFilter.anyOf(search.slaStatuses(), Instant.now()));
        }
        if (search.unassigned()) {
            b.mustNot(m -> m.exists(e -> e.field("agentId"))).mustNot(m -> m.exists(e -> e.field("groupId")));
        }
        range(b, "createdAt", search.createdFrom(), search.createdTo());
        range(b, "updatedAt", search.updatedFrom(), search.updatedTo());
        if (search.text() != null) {
            b.must(m -> m.multiMatch(mm -> mm.query(search.text())
                    .fields(TicketVisibility.searchableText(caller))
                    .type(TextQueryType.CrossFields)
                    .operator(Operator.And)));
        }
        return b;
    }

    private static void anyOf(BoolQuery.Builder b, String field, List<String> values) {
        if (!values.isEmpty()) {
            b.filter(f -> f.terms(t -> t.field(field).terms(v -> v.value(values.stream().map(FieldValue::of).toList()))));
        }
    }

    private static void term(BoolQuery.Builder b, String field, String value) {
        if (value != null) {
            b.filter(f -> f.term(t -> t.field(field).value(value)));
        }
    }

    /** From inclusive, to exclusive. */
    private static void range(BoolQuery.Builder b, String field, Instant from, Instant to) {
        if (from != null || to != null) {
            b.filter(f -> f.range(r -> r.date(d -> {
                d.field(field);
                if (from != null) {
                    d.gte(from.toString());
                }
                if (to != null) {
                    d.lt(to.toString());
                }
                return d;
            })));
        }
    }
}
