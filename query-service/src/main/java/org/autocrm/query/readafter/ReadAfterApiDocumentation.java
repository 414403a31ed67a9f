package org.autocrm.query.readafter;

import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.autocrm.access.apidocs.ProblemResponsesDocumented;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Names the read-your-writes header on every read, and minVersion on the read of one ticket, in the API document, and
 * the 404 the others answer when what they name does not exist (on reads of one item the kit's 404 already says so).
 */
@Configuration
class ReadAfterApiDocumentation {

    @Bean
    OperationCustomizer readAfterParameters() {
        return (operation, handler) -> {
            GetMapping get = handler.getMethodAnnotation(GetMapping.class);
            String type = handler.getBeanType().getPackageName();
            // the projection admin, the live stream and presence read no projection a write could be ahead of
            if (get == null || type.contains(".projection") || type.contains(".live") || type.contains(".presence")) {
                return operation;
            }
            operation.addParametersItem(new HeaderParameter().name(ReadAfter.HEADER).required(false)
                    .schema(new StringSchema().example("5b2f0c1e-8d6a-4c3e-9a57-2f1d0b8e4c21:3"))
                    .description("<ticketId>:<version>[,...]: answer only once these versions (as writes returned "
                            + "them) are included; waits up to 2 s, else 503 with Retry-After; 404 if one does not exist"));
            for (String path : get.value()) {
                if (ReadAfterInterceptor.ONE_TICKET.contains(path)) {
                    operation.addParametersItem(new QueryParameter().name(ReadAfter.MIN_VERSION).required(false)
                            .schema(new IntegerSchema().minimum(java.math.BigDecimal.ZERO))
                            .description("answer only once the ticket has at least this version (waits up to 2 s, "
                                    + "else 503 with Retry-After; 404 if the ticket does not exist)"));
                }
            }
            if (operation.getResponses() == null) {
                operation.setResponses(new ApiResponses());
            }
            boolean namesAnItem = java.util.Arrays.stream(get.value()).anyMatch(path -> path.contains("{"));
            if (!namesAnItem && !operation.getResponses().containsKey("404")) {
                operation.getResponses().addApiResponse("404", ProblemResponsesDocumented.problem("A ticket (on the "
                        + "customer list: a customer) that minVersion or " + ReadAfter.HEADER + " names does not exist"));
            }
            return operation;
        };
    }
}
