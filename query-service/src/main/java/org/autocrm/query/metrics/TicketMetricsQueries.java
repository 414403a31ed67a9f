package org.autocrm.query.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.RestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * MeasureTickets: the metrics table of one tenant over a range, grouped one way, computed by
 * Elasticsearch aggregations in one search. Four filtered views of the tenant's tickets are each
 * grouped the same way and merged by group key: created in the range, first resolved in it, rated
 * in it, and open now.
 */
@Component
public class TicketMetricsQueries {

    static final String NONE = "(none)";
    private static final int MAX_GROUPS = 1000;

    private final RestClient elasticsearch;
    private final MetricsIndex index;
    private final ObjectMapper json;
    private final Clock clock;

    @Autowired
    TicketMetricsQueries(RestClient elasticsearch, MetricsIndex index, ObjectMapper json) {
        this(elasticsearch, index, json, Clock.systemUTC());
    }

    TicketMetricsQueries(RestClient elasticsearch, MetricsIndex index, ObjectMapper json, Clock clock) {
        this.elasticsearch = elasticsearch;
        this.index = index;
        this.json = json;
        this.clock = clock;
    }

    public MetricsTable measure(String tenantId, MetricsRange range, GroupBy groupBy) throws IOException {
        index.ensureExists();
        Instant now = clock.instant();
        Request request = new Request("POST", "/" + MetricsIndex.ALIAS + "/_search");
        request.setJsonEntity(json.writeValueAsString(search(tenantId, range, groupBy)));
        Response response = elasticsearch.performRequest(request);
        JsonNode aggregations;
        try (InputStream body = response.getEntity().getContent()) {
            aggregations = json.readTree(body).path("aggregations");
        }
        return new MetricsTable(range.from(), range.to(), groupBy.parameterValue(),
                rows(aggregations, now));
    }

    private ObjectNode search(String tenantId, MetricsRange range, GroupBy groupBy) {
        ObjectNode search = json.createObjectNode();
        search.put("size", 0);
        search.putObject("query").putObject("bool").putArray("filter").addObject()
                .putObject("term").put("tenantId", tenantId);
        ObjectNode aggs = search.putObject("aggs");

        ObjectNode created = view(aggs, "created", inRange("createdAt", range), grouping(groupBy, "createdAt", range));
        percentiles(created, "firstResponse", "firstResponseSeconds", 50, 90);
        created.putObject("reopened").putObject("filter").putObject("range").putObject("reopenCount").put("gte", 1);
        slaOutcomes(created, "firstResponseSla", "sla.firstResponse");

        ObjectNode resolved = view(aggs, "resolved", inRange("resolvedAt", range), grouping(groupBy, "resolvedAt", null));
        percentiles(resolved, "resolution", "resolutionSeconds", 50, 90);
        slaOutcomes(resolved, "resolutionSla", "sla.resolution");

        ObjectNode rated = view(aggs, "rated", inRange("csatAt", range), grouping(groupBy, "csatAt", null));
        ObjectNode fivePoint = rated.putObject("fivePoint");
        fivePoint.putObject("filter").putObject("term").put("csatScale", "five_point");
        fivePoint.putObject("aggs").putObject("average").putObject("avg").put("field", "csatScore");
        rated.putObject("satisfied").putObject("filter").putObject("term").put("csatSatisfied", true);

        ObjectNode open = json.createObjectNode();
        ObjectNode openBool = open.putObject("bool");
        openBool.putArray("must_not").addObject().putObject("terms").putArray("status").add("RESOLVED").add("CLOSED");
        if (groupBy == GroupBy.DAY) {
            openBool.putArray("filter").add(inRange("createdAt", range));
        }
        ObjectNode backlog = view(aggs, "backlog", open, grouping(groupBy, "createdAt", null));
        percentiles(backlog, "createdAt", "createdAt", 50);
        return search;
    }

    /** A filtered view grouped by the grouping; returns the object the per-group metrics go in. */
    private ObjectNode view(ObjectNode aggs, String name, ObjectNode filter, ObjectNode grouping) {
        ObjectNode view = aggs.putObject(name);
        view.set("filter", filter);
        view.putObject("aggs").set("groups", grouping);
        return grouping.putObject("aggs");
    }

    private ObjectNode grouping(GroupBy groupBy, String dateField, MetricsRange everyDayOf) {
        ObjectNode grouping = json.createObjectNode();
        if (groupBy != GroupBy.DAY) {
            grouping.putObject("terms").put("field", groupBy.field()).put("size", MAX_GROUPS).put("missing", NONE);
            return grouping;
        }
        ObjectNode histogram = grouping.putObject("date_histogram")
                .put("field", dateField).put("calendar_interval", "day").put("format", "yyyy-MM-dd")
                .put("time_zone", "UTC");
        if (everyDayOf != null) {
            histogram.put("min_doc_count", 0);
            histogram.putObject("extended_bounds")
                    .put("min", everyDayOf.from().toEpochMilli())
                    .put("max", everyDayOf.to().toEpochMilli() - 1);
        } else {
            histogram.put("min_doc_count", 1);
        }
        return grouping;
    }

    private ObjectNode inRange(String field, MetricsRange range) {
        ObjectNode filter = json.createObjectNode();
        filter.putObject("range").putObject(field)
                .put("gte", range.from().toEpochMilli())
                .put("lt", range.to().toEpochMilli())
                .put("format", "epoch_millis");
        return filter;
    }

    /** How many of the group's tickets met and missed an SLA target ({@code met}, {@code breached} buckets). */
    private static void slaOutcomes(ObjectNode aggs, String name, String field) {
        aggs.putObject(name).putObject("terms").put("field", field).put("size", 3);
    }

    private static void percentiles(ObjectNode aggs, String name, String field, double... percents) {
        ObjectNode percentiles = aggs.putObject(name).putObject("percentiles").put("field", field);
        ArrayNode values = percentiles.putArray("percents");
        for (double percent : percents) {
            values.add(percent);
        }
    }

    private List<MetricsRow> rows(JsonNode aggregations, Instant now) {
        Map<String, RowBuilder> rows = new TreeMap<>();
        for (JsonNode bucket : buckets(aggregations, "created")) {
            RowBuilder row = rows.computeIfAbsent(key(bucket), RowBuilder::new);
            row.created = bucket.path("doc_count").asLong();
            row.firstResponseMedian = percentile(bucket.path("firstResponse"), "50.0");
            row.firstResponseP90 = percentile(bucket.path("firstResponse"), "90.0");
            row.reopened = bucket.path("reopened").path("doc_count").asLong();
            row.firstResponseSla = slaPercent(bucket.path("firstResponseSla"));
        }
        for (JsonNode bucket : buckets(aggregations, "resolved")) {
            RowBuilder row = rows.computeIfAbsent(key(bucket), RowBuilder::new);
            row.resolved = bucket.path("doc_count").asLong();
            row.resolutionMedian = percentile(bucket.path("resolution"), "50.0");
            row.resolutionP90 = percentile(bucket.path("resolution"), "90.0");
            row.resolutionSla = slaPercent(bucket.path("resolutionSla"));
        }
        for (JsonNode bucket : buckets(aggregations, "rated")) {
            RowBuilder row = rows.computeIfAbsent(key(bucket), RowBuilder::new);
            row.rated = bucket.path("doc_count").asLong();
            row.satisfied = bucket.path("satisfied").path("doc_count").asLong();
            JsonNode average = bucket.path("fivePoint").path("average").path("value");
            row.csatAverage = average.isNumber() ? average.asDouble() : null;
        }
        for (JsonNode bucket : buckets(aggregations, "backlog")) {
            RowBuilder row = rows.computeIfAbsent(key(bucket), RowBuilder::new);
            row.backlog = bucket.path("doc_count").asLong();
            Double medianCreatedAt = percentile(bucket.path("createdAt"), "50.0");
            row.backlogAgeMedianHours = medianCreatedAt == null ? null
                    : Math.max(0, now.toEpochMilli() - medianCreatedAt) / 3_600_000.0;
        }
        return rows.values().stream().map(RowBuilder::build).toList();
    }

    private static Iterable<JsonNode> buckets(JsonNode aggregations, String view) {
        return aggregations.path(view).path("groups").path("buckets");
    }

    private static String key(JsonNode bucket) {
        return bucket.has("key_as_string") ? bucket.get("key_as_string").asText() : bucket.path("key").asText();
    }

    private static Double percentile(JsonNode aggregation, String percent) {
        JsonNode value = aggregation.path("values").path(percent);
        return value.isNumber() ? value.asDouble() : null;
    }

    private static Double slaPercent(JsonNode outcomes) {
        long met = 0;
        long breached = 0;
        for (JsonNode bucket : outcomes.path("buckets")) {
            switch (bucket.path("key").asText()) {
                case "met" -> met = bucket.path("doc_count").asLong();
                case "breached" -> breached = bucket.path("doc_count").asLong();
                default -> { }
            }
        }
        return met + breached == 0 ? null : 100.0 * met / (met + breached);
    }

    private static Double rounded(Double value) {
        return value == null ? null : Math.round(value * 100) / 100.0;
    }

    private static final class RowBuilder {
        private final String key;
        private long created;
        private long resolved;
        private long reopened;
        private long rated;
        private long satisfied;
        private long backlog;
        private Double firstResponseMedian;
        private Double firstResponseP90;
        private Double resolutionMedian;
        private Double resolutionP90;
        private Double csatAverage;
        private Double backlogAgeMedianHours;
        private Double firstResponseSla;
        private Double resolutionSla;

        private RowBuilder(String key) {
            this.key = key;
        }

        private MetricsRow build() {
            return new MetricsRow(key, created, resolved, rounded(firstResponseMedian), rounded(firstResponseP90),
                    rounded(resolutionMedian), rounded(resolutionP90),
                    created == 0 ? null : rounded((double) reopened / created),
                    rounded(csatAverage),
                    rated == 0 ? null : rounded(100.0 * satisfied / rated),
                    backlog, rounded(backlogAgeMedianHours), rounded(firstResponseSla), rounded(resolutionSla));
        }
    }
}
