package org.autocrm.query.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.RestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * MeasureAgentWorkload: per agent of a tenant (or one agent), open work now and performance over a
 * range, from the ticket metrics index in one search grouped by the assigned agent.
 */
@Component
public class AgentWorkloadQueries {

    private static final int MAX_AGENTS = 5000;
    private static final int MAX_BUCKETS = 100;

    private final RestClient elasticsearch;
    private final MetricsIndex index;
    private final ObjectMapper json;
    private final Clock clock;

    @Autowired
    AgentWorkloadQueries(RestClient elasticsearch, MetricsIndex index, ObjectMapper json) {
        this(elasticsearch, index, json, Clock.systemUTC());
    }

    AgentWorkloadQueries(RestClient elasticsearch, MetricsIndex index, ObjectMapper json, Clock clock) {
        this.elasticsearch = elasticsearch;
        this.index = index;
        this.json = json;
        this.clock = clock;
    }

    /** Every agent with tickets assigned in the tenant, or only {@code onlyAgent} (who gets a row even when idle). */
    public AgentWorkload measure(String tenantId, String onlyAgent, MetricsRange range) throws IOException {
        index.ensureExists();
        Instant now = clock.instant();
        Request request = new Request("POST", "/" + MetricsIndex.ALIAS + "/_search");
        request.setJsonEntity(json.writeValueAsString(search(tenantId, onlyAgent, range)));
        Response response = elasticsearch.performRequest(request);
        JsonNode aggregations;
        try (InputStream body = response.getEntity().getContent()) {
            aggregations = json.readTree(body).path("aggregations");
        }
        Map<String, AgentWorkloadRow> rows = new TreeMap<>();
        for (JsonNode bucket : aggregations.path("agents").path("buckets")) {
            rows.put(bucket.path("key").asText(), row(bucket, now));
        }
        if (onlyAgent != null) {
            rows.putIfAbsent(onlyAgent, AgentWorkloadRow.idle(onlyAgent));
        }
        return new AgentWorkload(range.from(), range.to(), rows.values().stream().toList());
    }

    private ObjectNode search(String tenantId, String onlyAgent, MetricsRange range) {
        ObjectNode search = json.createObjectNode().put("size", 0);
        var filters = search.putObject("query").putObject("bool").putArray("filter");
        filters.addObject().putObject("term").put("tenantId", tenantId);
        if (onlyAgent != null) {
            filters.addObject().putObject("term").put("agentId", onlyAgent);
        }
        ObjectNode agents = search.putObject("aggs").putObject("agents");
        agents.putObject("terms").put("field", "agentId").put("size", MAX_AGENTS);
        ObjectNode perAgent = agents.putObject("aggs");

        ObjectNode open = perAgent.putObject("open");
        open.putObject("filter").putObject("bool").putArray("must_not").addObject()
                .putObject("terms").putArray("status").add("RESOLVED").add("CLOSED");
        ObjectNode openAggs = open.putObject("aggs");
        openAggs.putObject("byStatus").putObject("terms").put("field", "status").put("size", MAX_BUCKETS);
        openAggs.putObject("byPriority").putObject("terms").put("field", "priority").put("size", MAX_BUCKETS);
        openAggs.putObject("oldest").putObject("min").put("field", "createdAt");

        ObjectNode resolved = inRange(perAgent, "resolved", "resolvedAt", range);
        median(resolved, "resolution", "resolutionSeconds");
        ObjectNode created = inRange(perAgent, "created", "createdAt", range);
        median(created, "firstResponse", "firstResponseSeconds");
        ObjectNode rated = inRange(perAgent, "rated", "csatAt", range);
        ObjectNode fivePoint = rated.putObject("fivePoint");
        fivePoint.putObject("filter").putObject("term").put("csatScale", "five_point");
        fivePoint.putObject("aggs").putObject("average").putObject("avg").put("field", "csatScore");
        rated.putObject("satisfied").putObject("filter").putObject("term").put("csatSatisfied", true);
        return search;
    }

    /** A sub-aggregation of the documents whose {@code field} is in the range; returns where its own aggregations go. */
    private static ObjectNode inRange(ObjectNode aggs, String name, String field, MetricsRange range) {
        ObjectNode view = aggs.putObject(name);
        view.putObject("filter").putObject("range").putObject(field)
                .put("gte", range.from().toEpochMilli())
                .put("lt", range.to().toEpochMilli())
                .put("format", "epoch_millis");
        return view.putObject("aggs");
    }

    private static void median(ObjectNode aggs, String name, String field) {
        aggs.putObject(name).putObject("percentiles").put("field", field).putArray("percents").add(50);
    }

    private static AgentWorkloadRow row(JsonNode bucket, Instant now) {
        JsonNode open = bucket.path("open");
        JsonNode oldest = open.path("oldest").path("value");
        Double oldestAge = oldest.isNumber()
                ? rounded(Math.max(0, now.toEpochMilli() - oldest.asDouble()) / 3_600_000.0) : null;
        JsonNode rated = bucket.path("rated");
        long ratedCount = rated.path("doc_count").asLong();
        JsonNode average = rated.path("fivePoint").path("average").path("value");
        return new AgentWorkloadRow(bucket.path("key").asText(), open.path("doc_count").asLong(),
                counts(open.path("byStatus")), counts(open.path("byPriority")), oldestAge,
                bucket.path("resolved").path("doc_count").asLong(),
                median(bucket.path("created").path("firstResponse")),
                median(bucket.path("resolved").path("resolution")),
                ratedCount,
                average.isNumber() ? rounded(average.asDouble()) : null,
                ratedCount == 0 ? null : rounded(100.0 * rated.path("satisfied").path("doc_count").asLong() / ratedCount));
    }

    private static Map<String, Long> counts(JsonNode terms) {
        Map<String, Long> counts = new LinkedHashMap<>();
        terms.path("buckets").forEach(b -> counts.put(b.path("key").asText(), b.path("doc_count").asLong()));
        return counts;
    }

    private static Double median(JsonNode percentiles) {
        JsonNode value = percentiles.path("values").path("50.0");
        return value.isNumber() ? rounded(value.asDouble()) : null;
    }

    private static Double rounded(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
