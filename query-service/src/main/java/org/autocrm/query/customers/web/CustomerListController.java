package org.autocrm.query.customers.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.autocrm.query.customers.CustomerCursor;
import org.autocrm.query.customers.CustomerPage;
import org.autocrm.query.customers.CustomerQueries;
import org.autocrm.query.customers.CustomerSearch;
import org.autocrm.query.customers.CustomerSort;
import org.autocrm.access.Caller;
import org.autocrm.query.web.InvalidParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.util.MultiValueMap;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customer list for staff: search, filter by company and tier, sort, page by cursor. A single
 * customer's profile is ticket-service's ({@code GET /api/customers/{id}}).
 */
@Tag(name = "Customer list",
        description = "The tenant's customers for staff, with their ticket figures: search, filter by company and "
                + "tier, sort, page by cursor. One customer's profile is in Customers.")
@RestController
class CustomerListController {

    static final int DEFAULT_SIZE = 25;
    static final int MAX_SIZE = 100;
    private static final Set<String> PARAMETERS = Set.of("q", "company", "tier", "sort", "order", "size", "cursor");

    private final CustomerQueries customers;

    CustomerListController(CustomerQueries customers) {
        this.customers = customers;
    }

    @GetMapping("/api/customers")
    @Operation(summary = "List customers",
            description = "The tenant's customers with their ticket figures, one page at a time (staff only). Follow "
                    + "`next` as `cursor` (with the same sort and order) for the next page.")
    @Parameters({
            @Parameter(name = "q", in = ParameterIn.QUERY, schema = @Schema(type = "string"), description = "words of the name, an email address or the company"),
            @Parameter(name = "company", in = ParameterIn.QUERY, schema = @Schema(type = "string"), description = "exact company name"),
            @Parameter(name = "tier", in = ParameterIn.QUERY, schema = @Schema(type = "string"), description = "exact tier"),
            @Parameter(name = "sort", in = ParameterIn.QUERY, schema = @Schema(type = "string", allowableValues = {"name", "created", "updated", "lastContact", "tickets", "openTickets"}),
                    description = "name (default), created, updated, lastContact, tickets or openTickets"),
            @Parameter(name = "order", in = ParameterIn.QUERY, schema = @Schema(type = "string", allowableValues = {"asc", "desc"}), description = "asc (default for name) or desc (default otherwise)"),
            @Parameter(name = "size", in = ParameterIn.QUERY, schema = @Schema(type = "integer", minimum = "1", maximum = "100"), description = "1-100, default 25"),
            @Parameter(name = "cursor", in = ParameterIn.QUERY, schema = @Schema(type = "string"), description = "`next` of the previous page")})
    CustomerPage customers(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
                           @Parameter(hidden = true) Caller caller) throws IOException {
        if (!caller.actsForOrganisation()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                    "The customer list is for staff only");
            problem.setTitle("Forbidden");
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
        }
        parameters.keySet().stream().filter(name -> !PARAMETERS.contains(name)).findFirst().ifPresent(name -> {
            throw new InvalidParameter(name, "is not a parameter of this list");
        });
        CustomerSort sort = sort(parameters);
        String cursor = single(parameters, "cursor");
        CustomerCursor after;
        try {
            after = cursor == null ? null : CustomerCursor.decode(cursor, sort);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameter("cursor", e.getMessage());
        }
        return customers.search(caller, new CustomerSearch(single(parameters, "q"), single(parameters, "company"),
                single(parameters, "tier"), sort, after, size(parameters)));
    }

    private static CustomerSort sort(MultiValueMap<String, String> parameters) {
        String sort = single(parameters, "sort");
        CustomerSort.Field field = sort == null ? CustomerSort.Field.NAME : CustomerSort.Field.named(sort)
                .orElseThrow(() -> new InvalidParameter("sort", "must be one of " + Arrays.stream(CustomerSort.Field.values())
                        .map(CustomerSort.Field::parameterValue).collect(Collectors.joining(", "))));
        String order = single(parameters, "order");
        if (order == null) {
            return new CustomerSort(field, field == CustomerSort.Field.NAME);
        }
        return switch (order.toLowerCase(Locale.ROOT)) {
            case "asc" -> new CustomerSort(field, true);
            case "desc" -> new CustomerSort(field, false);
            default -> throw new InvalidParameter("order", "must be asc or desc");
        };
    }

    private static int size(MultiValueMap<String, String> parameters) {
        String size = single(parameters, "size");
        if (size == null) {
            return DEFAULT_SIZE;
        }
        try {
            int value = Integer.parseInt(size);
            if (value >= 1 && value <= MAX_SIZE) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidParameter("size", "must be a whole number from 1 to " + MAX_SIZE);
    }

    private static String single(MultiValueMap<String, String> parameters, String name) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new InvalidParameter(name, "may be given once");
        }
        String value = values.get(0);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
