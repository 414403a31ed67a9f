package org.autocrm.query.sla;

import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.time.Instant;
import java.util.List;

/**
 * The documents (with an {@code sla} copy) whose SLA badge is, at {@code now}, one of the given
 * {@link SlaSummary.Status} values: the same decision as {@link SlaSummary#status(Instant)}, as a query.
 */
public final class SlaFilter {

    private SlaFilter() {
    }

    /** @param statuses {@link SlaSummary.Status#value()}s, alternatives */
    public static Query anyOf(List<String> statuses, Instant now) {
        return Query.of(q -> q.bool(any -> {
            statuses.forEach(status -> any.should(of(SlaSummary.Status.valueOf(status.toUpperCase(java.util.Locale.ROOT)),
                    now.toString())));
            return any.minimumShouldMatch("1");
        }));
    }

    private static Query of(SlaSummary.Status status, String now) {
        return switch (status) {
            case BREACHED -> breached(now);
            case AT_RISK -> bool(b -> b.mustNot(breached(now)).filter(before("sla.nextWarnAt", now)));
            case ON_TRACK -> bool(b -> b.mustNot(breached(now)).mustNot(before("sla.nextWarnAt", now))
                    .filter(exists("sla.nextDueAt")));
            case PAUSED -> bool(b -> b.mustNot(breached(now)).filter(term("sla.paused")));
            case MET -> bool(b -> b.mustNot(breached(now)).mustNot(term("sla.paused"))
                    .mustNot(exists("sla.nextDueAt")).filter(exists("sla.policyId")));
        };
    }

    /** Missed, or overdue with its breach about to be noticed. */
    private static Query breached(String now) {
        return bool(b -> b.should(term("sla.breached")).should(before("sla.nextDueAt", now)).minimumShouldMatch("1"));
    }

    private static Query before(String field, String now) {
        return Query.of(q -> q.range(r -> r.date(d -> d.field(field).lte(now))));
    }

    private static Query term(String field) {
        return Query.of(q -> q.term(t -> t.field(field).value(true)));
    }

    private static Query exists(String field) {
        return Query.of(q -> q.exists(e -> e.field(field)));
    }

    private static Query bool(java.util.function.Function<BoolQuery.Builder, BoolQuery.Builder> build) {
        return Query.of(q -> q.bool(b -> build.apply(b)));
    }
}
