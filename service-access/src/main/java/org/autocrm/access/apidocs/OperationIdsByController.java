package org.autocrm.access.apidocs;

import io.swagger.v3.oas.models.Operation;
import java.util.Locale;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.web.method.HandlerMethod;

/**
 * Names each operation after its controller and method ({@code TicketQueryController.tickets} is
 * {@code ticketQueryTickets}) instead of the method alone, so that ids stay unique within a service and in the
 * gateway's merged document, where generated clients need them unique. An id an operation sets itself is kept.
 */
class OperationIdsByController implements GlobalOperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        String method = handler.getMethod().getName();
        String current = operation.getOperationId();
        // springdoc names an operation after its method, with _1, _2 ... for repeats; anything else was set on purpose
        if (current != null && !current.equals(method) && !current.matches(java.util.regex.Pattern.quote(method) + "_\\d+")) {
            return operation;
        }
        String controller = handler.getBeanType().getSimpleName().replaceFirst("Controller$", "");
        operation.setOperationId(controller.substring(0, 1).toLowerCase(Locale.ROOT) + controller.substring(1)
                + method.substring(0, 1).toUpperCase(Locale.ROOT) + method.substring(1));
        return operation;
    }
}
