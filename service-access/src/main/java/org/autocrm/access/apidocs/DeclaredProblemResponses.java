package org.autocrm.access.apidocs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

/**
 * Documents the refusals each operation declares with {@link ProblemResponse} (its controller's, then its own) as
 * problems, replacing whatever springdoc guessed for those statuses (it gives every response the success body's
 * schema). An operation that takes a body also documents what the web framework itself answers for one, in a servlet
 * service and in a reactive one alike: 400 when the body cannot be read (not JSON, or a value of the wrong type) and
 * 415 for a media type the operation does not take. The {@value ProblemResponsesDocumented#PROBLEM} schema and the
 * bearer scheme are added to the components.
 */
public class DeclaredProblemResponses implements GlobalOperationCustomizer, OpenApiCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        Map<Integer, String> declared = new LinkedHashMap<>();
        AnnotatedElementUtils.findMergedRepeatableAnnotations(handler.getBeanType(), ProblemResponse.class)
                .forEach(refusal -> declared.put(refusal.status(), refusal.description()));
        AnnotatedElementUtils.findMergedRepeatableAnnotations(handler.getMethod(), ProblemResponse.class)
                .forEach(refusal -> declared.put(refusal.status(), refusal.description()));
        declared.forEach((status, description) ->
                responses.addApiResponse(Integer.toString(status), ProblemResponsesDocumented.problem(description)));
        return operation;
    }

    /** Last, after every operation customizer: a 400 or 415 a service words itself for an operation is kept. */
    @Override
    public void customise(OpenAPI api) {
        ProblemResponsesDocumented.documentComponents(api);
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
            if (operation.getRequestBody() != null) {
                ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
                operation.setResponses(responses);
                ProblemResponsesDocumented.add(responses, "400", ProblemResponsesDocumented.INVALID);
                ProblemResponsesDocumented.add(responses, "415", ProblemResponsesDocumented.UNSUPPORTED_BODY);
            }
        }));
    }
}
