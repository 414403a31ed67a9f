package org.autocrm.query.ticketsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.autocrm.query.customers.CustomerListProjection;
import org.autocrm.query.customers.CustomerStatistics;
import org.autocrm.query.customers.CustomerTicketFigures;
import org.autocrm.query.projection.ProjectionRebuilt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps each customer's ticket figures (total, open, last contact) current. A ticket write marks its
 * customer; about once a second the marked customers' figures are recounted in full from the
 * ticket index and recorded on the customer documents. Recounting instead of adding up makes a
 * redelivered, replayed or reordered event harmless, and one recount covers a burst of changes.
 * Last contact is the latest of the customer's ticket creations and their own public messages.
 *
 * <p>A rebuild of the customers projection replays only the profiles, so once its new index is behind the alias every
 * customer in it is recounted, before the rebuild reports completion. One recount at a time (count, then record), so
 * an older count is never recorded over a newer one: a ticket change during a recount marks its customer again.
 */
@Component
class CustomerFiguresRecount {

    private static final Logger log = LoggerFactory.getLogger(CustomerFiguresRecount.class);
    private static final List<FieldValue> DONE = List.of(FieldValue.of("RESOLVED"), FieldValue.of("CLOSED"));
    private static final int CHUNK = 500;

    private final ElasticsearchClient client;
    private final TicketIndex index;
    private final CustomerStatistics statistics;
    private final Set<Marked> marked = ConcurrentHashMap.newKeySet();
    private final ReentrantLock recounting = new ReentrantLock();

    CustomerFiguresRecount(ElasticsearchClient client, TicketIndex index, CustomerStatistics statistics) {
        this.client = client;
        this.index = index;
        this.statistics = statistics;
    }

    private record Marked(String tenantId, String customerId) {
    }

    /** The customer's tickets changed; their figures are recounted shortly. */
    void changed(String tenantId, String customerId) {
        if (customerId != null && !customerId.isBlank()) {
            marked.add(new Marked(tenantId, customerId));
        }
    }

    /** The customers projection was rebuilt: its documents have no figures yet. */
    @EventListener
    void on(ProjectionRebuilt rebuilt) throws IOException {
        if (!CustomerListProjection.NAME.equals(rebuilt.projection())) {
            return;
        }
        index.ensureExists();
        client.indices().refresh(r -> r.index(TicketIndex.ALIAS));
        AtomicLong customers = new AtomicLong();
        statistics.everyCustomer(rebuilt.index(), (tenantId, customerIds) -> {
            recount(tenantId, customerIds);
            customers.addAndGet(customerIds.size());
        });
        log.info("Recounted the ticket figures of all {} customers in the rebuilt index {}", customers.get(),
                rebuilt.index());
    }

    @Scheduled(fixedDelayString = "${autocrm.query.customers.figures-interval:1s}")
    void recountMarked() {
        if (marked.isEmpty()) {
            return;
        }
        List<Marked> batch = new ArrayList<>(marked);
        marked.removeAll(batch);
        try {
            index.ensureExists();
            client.indices().refresh(r -> r.index(TicketIndex.ALIAS));
            Map<String, List<String>> byTenant = new HashMap<>();
            batch.forEach(m -> byTenant.computeIfAbsent(m.tenantId(), t -> new ArrayList<>()).add(m.customerId()));
            for (Map.Entry<String, List<String>> tenant : byTenant.entrySet()) {
                List<String> customers = tenant.getValue();
                for (int from = 0; from < customers.size(); from += CHUNK) {
                    List<String> chunk = customers.subList(from, Math.min(customers.size(), from + CHUNK));
                    recount(tenant.getKey(), chunk);
                }
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Could not recount the ticket figures of {} customers; will retry: {}", batch.size(), e.toString());
            marked.addAll(batch);
        }
    }

    private void recount(String tenantId, List<String> customerIds) throws IOException {
        recounting.lock();
        try {
            statistics.record(tenantId, count(tenantId, customerIds));
        } finally {
            recounting.unlock();
        }
    }

    private Map<String, CustomerTicketFigures> count(String tenantId, List<String> customerIds) throws IOException {
        SearchResponse<Void> response = client.search(s -> s.index(TicketIndex.ALIAS).size(0)
                .query(q -> q.bool(b -> b
                        .filter(f -> f.term(t -> t.field("tenantId").value(tenantId)))
                        .filter(f -> f.terms(t -> t.field("customerId").terms(v -> v.value(
                                customerIds.stream().map(FieldValue::of).toList()))))))
                .aggregations("customers", a -> a.terms(t -> t.field("customerId").size(customerIds.size()))
                        .aggregations("open", sub -> sub.filter(f -> f.bool(b -> b.mustNot(m -> m.terms(t -> t
                                .field("status").terms(v -> v.value(DONE)))))))
                        .aggregations("lastCreated", sub -> sub.max(m -> m.field("createdAt")))
                        .aggregations("lastMessage", sub -> sub.max(m -> m.field("lastCustomerMessageAt")))),
                Void.class);
        Map<String, CustomerTicketFigures> figures = new LinkedHashMap<>();
        customerIds.forEach(id -> figures.put(id, new CustomerTicketFigures(0, 0, null)));
        for (StringTermsBucket bucket : response.aggregations().get("customers").sterms().buckets().array()) {
            Map<String, Aggregate> sub = bucket.aggregations();
            Instant lastContact = latest(sub.get("lastCreated"), sub.get("lastMessage"));
            figures.put(bucket.key().stringValue(), new CustomerTicketFigures(bucket.docCount(),
                    sub.get("open").filter().docCount(), lastContact));
        }
        return figures;
    }

    private static Instant latest(Aggregate... maxima) {
        Instant latest = null;
        for (Aggregate max : maxima) {
            double value = max.max().value();
            if (!Double.isNaN(value) && !Double.isInfinite(value)) {
                Instant at = Instant.ofEpochMilli((long) value);
                latest = latest == null || at.isAfter(latest) ? at : latest;
            }
        }
        return latest;
    }
}
