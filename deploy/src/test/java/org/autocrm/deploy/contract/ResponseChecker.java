package org.autocrm.deploy.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import com.networknt.schema.oas.OpenApi31;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.autocrm.deploy.contract.ApiDocument.Operation;
import org.autocrm.deploy.contract.FuzzRequest.Role;
import org.autocrm.deploy.contract.RequestRunner.Exchange;

/**
 * The response checker: judges each exchange against the document and the other tenant's and customer's markers.
 * <ul>
 *   <li>{@link Kind#SERVER_ERROR}: a 5xx, except the deliberate "not now" answer ({@link #deliberatelyUnavailable}:
 *       a 503 with {@code Retry-After} that the operation documents, e.g. a read-after-write wait that timed out),
 *       which is counted apart; {@link Kind#NO_ANSWER}: the connection failed or timed out;</li>
 *   <li>{@link Kind#UNDOCUMENTED_STATUS}: the status is not among the operation's responses (exact, {@code 4XX}
 *       ranges, or {@code default} if the document has one);</li>
 *   <li>{@link Kind#SCHEMA_INVALID}: the body's media type is not documented for that status, or a JSON body is not
 *       JSON or does not validate against the documented schema (OpenAPI 3.0 dialect: {@code nullable},
 *       formats asserted);</li>
 *   <li>{@link Kind#LEAK}: the body or {@code Location} contains a marker or id of the other tenant (any role) or
 *       of the other customer (the customer role).</li>
 * </ul>
 * Each finding names the service the gateway routes its operation to, and whether it is <em>enforced</em>: 5xx,
 * no answer and leaks always are; undocumented statuses and schema-invalid bodies only for the services whose
 * document is declared truthful (the others' are reported, "not yet enforced").
 */
final class ResponseChecker {

    enum Kind {
        SERVER_ERROR("5xx"), NO_ANSWER("no answer"), UNDOCUMENTED_STATUS("undocumented status"),
        SCHEMA_INVALID("schema-invalid body"), LEAK("leak");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /**
     * One failure: its kind, where (operation and the service it is routed to), whether the test fails on it, a
     * short detail that groups alike failures, and the exchange as evidence.
     */
    record Finding(Kind kind, String operation, String service, boolean enforced, Role role, String detail, List<String> notes,
                   Exchange exchange) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Statuses the gateway's HTTP decoder answers before any route: URI too long, request headers too large. */
    private static final Set<Integer> EDGE_STATUSES = Set.of(414, 431);

    private final ApiDocument document;
    private final Map<String, String> foreignMarkers;
    private final Map<String, String> otherCustomerMarkers;
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
            .nullableKeywordEnabled(true).formatAssertionsEnabled(true).build();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();
    private final Map<String, String> owners;
    private final Set<String> truthful;

    /**
     * @param foreignMarkers       marker text and ids of the other tenant, which no answer may contain (value: what it is)
     * @param otherCustomerMarkers those of another customer of the same tenant, which no answer to the customer may contain
     * @param owners               per operation key ({@code METHOD /path}) the service the gateway routes it to
     * @param truthful             the services whose documents are declared truthful: their undocumented statuses and
     *                             schema-invalid bodies fail the test
     */
    ResponseChecker(ApiDocument document, Map<String, String> foreignMarkers, Map<String, String> otherCustomerMarkers,
                    Map<String, String> owners, Set<String> truthful) {
        this.document = document;
        this.owners = owners;
        this.truthful = truthful;
        this.foreignMarkers = foreignMarkers;
        this.otherCustomerMarkers = otherCustomerMarkers;
        JsonMetaSchema dialect = document.root().path("openapi").asText().startsWith("3.1")
                ? OpenApi31.getInstance() : OpenApi30.getInstance();
        this.factory = JsonSchemaFactory.getInstance(dialect.getIri().contains("3.1")
                ? SpecVersion.VersionFlag.V202012 : SpecVersion.VersionFlag.V4,
                builder -> builder.metaSchema(dialect).defaultMetaSchemaIri(dialect.getIri()));
    }

    List<Finding> check(Exchange exchange) {
        List<Finding> findings = new ArrayList<>();
        Operation operation = exchange.request().operation();
        if (exchange.status() < 0) {
            return findings;
        }
        if (exchange.status() == 0) {
            findings.add(finding(Kind.NO_ANSWER, exchange, exchange.error()));
            return findings;
        }
        if (exchange.status() >= 500 && !deliberatelyUnavailable(exchange)) {
            findings.add(finding(Kind.SERVER_ERROR, exchange, exchange.status() + (exchange.retryAfter() == null ? ""
                    : " (with Retry-After, but the operation does not document " + exchange.status() + ")")));
        }
        leaks(exchange, findings);
        Optional<ApiDocument.Response> documented = operation.responseFor(exchange.status());
        if (documented.isEmpty()) {
            findings.add(finding(Kind.UNDOCUMENTED_STATUS, exchange, exchange.status() + " not documented (documented: "
                    + String.join(", ", operation.responses().keySet()) + ")"));
            return findings;
        }
        schema(exchange, documented.get(), findings);
        return findings;
    }

    /**
     * A 503 with {@code Retry-After} that the operation documents: the service's deliberate "not now" (e.g.
     * {@code GET /api/tickets/{id}?minVersion=} of a version not caught up with yet), not a failure.
     */
    static boolean deliberatelyUnavailable(Exchange exchange) {
        return exchange.status() == 503 && exchange.retryAfter() != null && !exchange.retryAfter().isBlank()
                && exchange.request().operation().responseFor(503).filter(r -> !r.status().equals("default")).isPresent();
    }

    /**
     * The service whose contract an answer falls under: the gateway's for the statuses only its HTTP decoder gives
     * (414 for a request line over its limit, 431 for headers over theirs: the request never reaches a route),
     * otherwise the service the gateway routes the operation to ({@code unknown} if no source document has it).
     */
    String serviceOf(Exchange exchange) {
        if (EDGE_STATUSES.contains(exchange.status())) {
            return "gateway";
        }
        return owners.getOrDefault(exchange.request().operation().key(), "unknown");
    }

    private void leaks(Exchange exchange, List<Finding> findings) {
        String seen = (exchange.body() == null ? "" : exchange.body()) + "\n" + (exchange.location() == null ? "" : exchange.location());
        for (Map.Entry<String, String> marker : foreignMarkers.entrySet()) {
            if (seen.contains(marker.getKey())) {
                findings.add(finding(Kind.LEAK, exchange, "other tenant's " + marker.getValue()));
            }
        }
        if (exchange.request().role() == Role.CUSTOMER) {
            for (Map.Entry<String, String> marker : otherCustomerMarkers.entrySet()) {
                if (seen.contains(marker.getKey())) {
                    findings.add(finding(Kind.LEAK, exchange, "other customer's " + marker.getValue()));
                }
            }
        }
    }

    private void schema(Exchange exchange, ApiDocument.Response response, List<Finding> findings) {
        String body = exchange.body() == null ? "" : exchange.body();
        if (body.isEmpty() || exchange.request().method().equals("HEAD")) {
            return;
        }
        String mediaType = exchange.contentType() == null ? "" : exchange.contentType().split(";")[0].trim().toLowerCase(Locale.ROOT);
        Optional<Map.Entry<String, JsonNode>> documented = mediaTypeOf(response, mediaType);
        if (documented.isEmpty()) {
            findings.add(finding(Kind.SCHEMA_INVALID, exchange, exchange.status() + " " + (mediaType.isEmpty() ? "(no Content-Type)" : mediaType)
                    + " not documented (documented: " + (response.content().isEmpty() ? "no content"
                    : String.join(", ", response.content().keySet())) + ")"));
            return;
        }
        if (!mediaType.contains("json")) {
            return;
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            findings.add(finding(Kind.SCHEMA_INVALID, exchange, exchange.status() + " " + mediaType + " body is not JSON"));
            return;
        }
        String key = exchange.request().operation().key() + " " + response.status() + " " + documented.get().getKey();
        JsonSchema schema = schemas.computeIfAbsent(key, k -> factory.getSchema(document.standalone(documented.get().getValue()), config));
        Set<ValidationMessage> errors = schema.validate(json);
        if (!errors.isEmpty()) {
            List<String> notes = errors.stream().map(ResponseChecker::generalised).sorted().distinct().toList();
            findings.add(finding(Kind.SCHEMA_INVALID, exchange, exchange.status() + " " + mediaType
                    + " does not match the documented schema", notes));
        }
    }

    /** The documented media type matching the answer's: exact, then {@code type/*}, then {@code *}{@code /*}. */
    private static Optional<Map.Entry<String, JsonNode>> mediaTypeOf(ApiDocument.Response response, String mediaType) {
        for (String candidate : List.of(mediaType, mediaType.split("/")[0] + "/*", "*/*")) {
            for (Map.Entry<String, JsonNode> content : response.content().entrySet()) {
                if (content.getKey().split(";")[0].trim().equalsIgnoreCase(candidate)) {
                    return Optional.of(content);
                }
            }
        }
        return Optional.empty();
    }

    /** A validation message with array indexes taken out, so that one broken field reads as one. */
    private static String generalised(ValidationMessage message) {
        return message.getMessage().replaceAll("\\[\\d+]", "[*]").replaceAll(": (does not match|is not a valid).*", ": $1 …");
    }

    private Finding finding(Kind kind, Exchange exchange, String detail) {
        return finding(kind, exchange, detail, List.of());
    }

    private Finding finding(Kind kind, Exchange exchange, String detail, List<String> notes) {
        String service = serviceOf(exchange);
        boolean enforced = kind == Kind.SERVER_ERROR || kind == Kind.NO_ANSWER || kind == Kind.LEAK || truthful.contains(service);
        return new Finding(kind, exchange.request().operation().key(), service, enforced, exchange.request().role(), detail, notes,
                exchange);
    }
}
