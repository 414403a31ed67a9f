package org.autocrm.access.apidocs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Makes a service's OpenAPI document say what every {@code /api} operation can answer besides its
 * success: the refusals the service kit gives every request (400 for hostile input, which any request
 * can carry in its path or query, 401 not signed in, 403 not allowed, 503 while access tokens cannot be
 * checked), 404 for one that names something by id — each as an RFC 9457 {@code application/problem+json} {@value #PROBLEM} — and the
 * bearer-token scheme. A response an operation documents itself is kept as it is.
 */
public class ProblemResponsesDocumented implements OpenApiCustomizer {

    public static final String PROBLEM = "Problem";
    public static final String PROBLEM_JSON = "application/problem+json";
    /** The name of the bearer-token security scheme, for {@code @SecurityRequirement(name = ...)}. */
    public static final String BEARER = "bearerAuth";
    static final String INVALID = "The request is not valid: the problem names the field or parameter";
    static final String UNSUPPORTED_BODY = "The body is not in a media type this operation takes (see its request body)";

    @Override
    public void customise(OpenAPI api) {
        documentComponents(api);
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.readOperationsMap().forEach((method, operation) -> document(path, method, operation));
            }
        });
    }

    /**
     * Adds the {@value #PROBLEM} schema the problem responses refer to, and the {@value #BEARER} security scheme,
     * to the document's components.
     */
    public static void documentComponents(OpenAPI api) {
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.setComponents(components);
        components.addSchemas(PROBLEM, problemSchema());
        components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT").description("An access token the gateway issued (POST /api/auth/login)"));
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
        add(responses, "400", INVALID);
        add(responses, "401", "Not signed in: no access token, or one that is forged, expired or revoked");
        add(responses, "403", "The caller's role or the API key's scopes do not allow this");
        if (operation.getRequestBody() != null) {
            add(responses, "415", UNSUPPORTED_BODY);
        }
        if (path.contains("{")) {
            add(responses, "404", "There is no such item, or the caller may not know of it");
        }
        add(responses, "503", "Temporarily unavailable (see Retry-After); safe to retry");
    }

    static void add(ApiResponses responses, String status, String description) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, problem(description));
        }
    }

    /** A problem response with the given description, for operations that document their own refusals. */
    public static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema() {
        ObjectSchema error = new ObjectSchema();
        error.setProperties(new java.util.LinkedHashMap<>(Map.of(
                "field", new StringSchema().description("the field, parameter or header at fault"),
                "message", new StringSchema())));
        ObjectSchema problem = new ObjectSchema();
        problem.description("An RFC 9457 problem: what went wrong, in words a person can act on; services add "
                + "properties of their own (code, currentVersion, allowed, scope, ...)");
        java.util.LinkedHashMap<String, Schema> properties = new java.util.LinkedHashMap<>();
        properties.put("type", new StringSchema().format("uri").description("identifies the kind of problem"));
        properties.put("title", new StringSchema());
        properties.put("status", new IntegerSchema().format("int32"));
        properties.put("detail", new StringSchema());
        properties.put("instance", new StringSchema().format("uri-reference"));
        properties.put("code", new StringSchema().description("a stable code for programs, e.g. STALE_VERSION"));
        properties.put("errors", new ArraySchema().items(error));
        problem.setProperties(properties);
        problem.setRequired(List.of("status"));
        problem.setAdditionalProperties(true);
        return problem;
    }
}
