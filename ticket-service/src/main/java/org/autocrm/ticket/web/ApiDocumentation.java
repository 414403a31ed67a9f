package org.autocrm.ticket.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.autocrm.access.apidocs.NullableProperties;
import org.autocrm.access.apidocs.ProblemResponsesDocumented;
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
            "TicketAsOf", List.of("satisfaction"));

    @Bean
    OperationCustomizer ticketServiceAnswers() {
        return ApiDocumentation::document;
    }

    @Bean
    OpenApiCustomizer nullablePropertiesByName() {
        return api -> {
            if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
                return;
            }
            Map<String, Schema> schemas = api.getComponents().getSchemas();
            boolean openApi31 = api.getSpecVersion() == SpecVersion.V31
                    || (api.getOpenapi() != null && api.getOpenapi().startsWith("3.1"));
            NULLABLE_PROPERTIES.forEach((type, properties) -> properties.forEach(name ->
                    nullableProperty(schemas, type, name, openApi31)));
        };
    }

    @SuppressWarnings("unchecked")
    private static void nullableProperty(Map<String, Schema> schemas, String type, String name, boolean openApi31) {
        Schema<?> schema = schemas.get(type);
        if (schema != null && schema.getProperties() != null) {
            schema.getProperties().computeIfPresent(name, (key, property) -> NullableProperties.nullable(property, openApi31));
        }
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
