package org.autocrm.ticket.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.autocrm.access.apidocs.NullableReferences;
import org.autocrm.access.apidocs.ProblemResponsesDocumented;
import org.autocrm.ticket.actor.AutomationReason;
import org.autocrm.ticket.refusal.Refusal;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

/**
 * What ticket-service's OpenAPI document says beyond what springdoc reads from the controllers: the refusals each
 * operation declares with {@link Answers} (as problems, by kind), {@code Location} on every 201 (each is a creation),
 * {@code ETag} where a write answers with the item's version, and which properties can be null ({@code @Nullable}
 * record components, and the few properties {@code @Nullable} cannot mark).
 */
@Configuration(proxyBeanMethods = false)
@SuppressWarnings("rawtypes")
class ApiDocumentation {

    private static final Map<Refusal.Kind, String> REFUSALS = new EnumMap<>(Map.of(
            Refusal.Kind.INVALID_INPUT, "The request is not valid: the problem names the field or parameter",
            Refusal.Kind.FORBIDDEN, "The caller's role or the API key's scopes do not allow this",
            Refusal.Kind.NOT_FOUND, "There is no such item, or the caller may not know of it",
            Refusal.Kind.CONFLICT, "The item's state or version does not allow this: a stale If-Match version "
                    + "(code STALE_VERSION, with currentVersion), a ticket rule (e.g. TICKET_CLOSED, "
                    + "ILLEGAL_TRANSITION) or a name already taken; the problem's code says which",
            Refusal.Kind.TOO_LARGE, "The file is larger than this service accepts (autocrm.attachments.max-size)",
            Refusal.Kind.UNSUPPORTED_TYPE, "The file's kind is not accepted, or its content is not what its name "
                    + "or type says",
            Refusal.Kind.INVALID_VALUE, "Well-formed input the tenant's configuration or data does not accept "
                    + "(e.g. an unknown customer, category, priority or ticket); the problem names the field"));

    /**
     * Properties that are null when not set which {@code @Nullable} cannot mark: those of the event contract's types
     * (which carry no such annotations), and those whose type is a schema of its own (swagger-core resolves them as
     * references without the property's annotations).
     */
    private static final Map<String, List<String>> NULLABLE_PROPERTIES = Map.of(
            "CannedAction", List.of("setStatus", "resolutionSummary", "setPriority", "addTags", "removeTags",
                    "assignAgentId", "assignGroupId", "internalNote"),
            "CannedResponseView", List.of("actions"),
            "TicketAsOf", List.of("satisfaction"),
            "Actor", List.of("reason"));

    private static final Set<PathItem.HttpMethod> COMMANDS = Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
            PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final String KEY_REUSED = "The Idempotency-Key was used by the same caller for a different request "
            + "(method, path or body): code IDEMPOTENCY_KEY_REUSED";
    private static final String IN_PROGRESS = "The first request with this Idempotency-Key is still running (code "
            + "IDEMPOTENT_REQUEST_IN_PROGRESS, with Retry-After: 1); retry to get its answer";

    @Bean
    OperationCustomizer ticketServiceAnswers() {
        return ApiDocumentation::document;
    }

    /**
     * Every ticket command (POST, PUT, PATCH, DELETE under /api/tickets/) takes an Idempotency-Key (answered by
     * {@code idempotency.IdempotentTicketCommands}, which no controller declares) and an AutoCRM-Reason (read by
     * {@code ticket.web.Acting}); opening a ticket declares its own key.
     */
    @Bean
    OpenApiCustomizer ticketCommandHeaders() {
        return api -> {
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                if (!path.startsWith("/api/tickets") || !COMMANDS.contains(method)) {
                    return;
                }
                addHeader(operation, reasonHeader());
                if (path.startsWith("/api/tickets/")) {
                    idempotent(operation);
                }
            }));
        };
    }

    private static Parameter reasonHeader() {
        return new HeaderParameter().name(AutomationReason.HEADER).required(false)
                .schema(new StringSchema().minLength(1).maxLength(AutomationReason.MAX_LENGTH).example("rule:r-123"))
                .description("Why an automation (role automation, e.g. routing-service) makes this change: rule:<ruleId> "
                        + "(several comma-separated for a chain), round_robin, least_loaded, sla_breach:<policyId>, "
                        + "automation:<automationId>. Recorded in every event the command causes as by.reason and shown "
                        + "in the ticket's history; 1-500 printable characters (else 400 naming the header). Ignored "
                        + "from anyone else.");
    }

    private static void idempotent(Operation operation) {
        addHeader(operation, new HeaderParameter().name(IDEMPOTENCY_KEY).required(false)
                .schema(new StringSchema().minLength(1).maxLength(255).example("3f6c1e2a-assign"))
                .description("Makes a retry safe: the first answer (status, body, ETag, Location) is kept 24 h per "
                        + "caller and key, and the same request with the same key gets it again with "
                        + "Idempotent-Replayed: true and changes nothing. A 5xx answer is not kept. 1-255 characters "
                        + "without control characters (else 400)."));
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        responses.forEach((status, response) -> {
            if (status.startsWith("2")) {
                response.addHeaderObject("Idempotent-Replayed", new Header().schema(new StringSchema()._enum(
                        List.of("true"))).description("Present when this is the stored answer to an earlier request "
                        + "with the same Idempotency-Key"));
            }
        });
        extend(responses, "409", IN_PROGRESS).addHeaderObject("Retry-After", new Header()
                .schema(new IntegerSchema()).description("Seconds to wait before retrying (with "
                        + "IDEMPOTENT_REQUEST_IN_PROGRESS)"));
        extend(responses, "422", KEY_REUSED);
    }

    /** The response with {@code status}, saying also {@code why}: added as a problem, or its description extended. */
    private static ApiResponse extend(ApiResponses responses, String status, String why) {
        ApiResponse response = responses.get(status);
        if (response == null) {
            response = ProblemResponsesDocumented.problem(why);
            responses.addApiResponse(status, response);
        } else if (response.getDescription() == null || !response.getDescription().contains(why)) {
            response.setDescription(response.getDescription() == null ? why : response.getDescription() + "; or: " + why);
        }
        return response;
    }

    private static void addHeader(Operation operation, Parameter header) {
        boolean declared = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> "header".equals(p.getIn()) && header.getName().equalsIgnoreCase(p.getName()));
        if (!declared) {
            operation.addParametersItem(header);
        }
    }

    @Bean
    OpenApiCustomizer nullablePropertiesByName() {
        return NullableReferences.of(NULLABLE_PROPERTIES);
    }

    static Operation document(Operation operation, HandlerMethod handler) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        Answers answers = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), Answers.class);
        ApiResponse created = responses.get("201");
        if (created != null) {
            created.addHeaderObject("Location", new Header().schema(new StringSchema().format("uri-reference"))
                    .description("Where the new item is"));
        }
        if (answers == null) {
            return operation;
        }
        if (answers.etag()) {
            responses.forEach((status, response) -> {
                if (status.startsWith("2")) {
                    response.addHeaderObject("ETag", new Header().schema(new StringSchema().example("\"3\""))
                            .description("The item's new version; send it as If-Match to refuse overwriting a "
                                    + "newer change"));
                }
            });
        }
        for (Refusal.Kind kind : answers.refuses()) {
            String status = Integer.toString(kind.status());
            if (!responses.containsKey(status)) {
                responses.addApiResponse(status, ProblemResponsesDocumented.problem(REFUSALS.get(kind)));
            }
        }
        return operation;
    }
}
