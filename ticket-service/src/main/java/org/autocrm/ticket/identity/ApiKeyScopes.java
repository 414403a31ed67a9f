package org.autocrm.ticket.identity;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which scope an API key needs for each endpoint of this service (docs/permissions.md). The first
 * rule that matches decides; an endpoint no rule names is not open to API keys at all. Once its
 * scope is there, an API key acts for its organisation, and the ticket's own rules still apply.
 */
final class ApiKeyScopes {

    static final String TICKETS_READ = "tickets:read";
    static final String TICKETS_WRITE = "tickets:write";
    static final String CUSTOMERS_READ = "customers:read";
    static final String CUSTOMERS_WRITE = "customers:write";
    static final String ADMIN = "admin";

    private static final String CONFIGURATION =
            "/api/tickets/{part:categories|custom-fields|priorities|statuses|canned-responses}/**";

    private record Rule(PathPattern path, boolean reads, List<String> anyOf) {

        boolean matches(HttpMethod method, PathContainer requested) {
            return isRead(method) == reads && path.matches(requested);
        }
    }

    private static final List<Rule> RULES = List.of(
            rule(CONFIGURATION, true, TICKETS_READ, ADMIN),
            rule(CONFIGURATION, false, ADMIN),
            rule("/api/tickets/**", true, TICKETS_READ),
            rule("/api/tickets/**", false, TICKETS_WRITE),
            rule("/api/customers/**", true, CUSTOMERS_READ),
            rule("/api/customers/**", false, CUSTOMERS_WRITE));

    private ApiKeyScopes() {
    }

    /** The scopes of which the key needs one, or empty when API keys may not call the endpoint. */
    static Optional<List<String>> required(HttpMethod method, String path) {
        PathContainer requested = PathContainer.parsePath(path);
        return RULES.stream().filter(rule -> rule.matches(method, requested)).findFirst().map(Rule::anyOf);
    }

    /** Refuses an API key without a scope the endpoint needs. */
    static void check(RequestingUser caller, HttpMethod method, String path) {
        List<String> anyOf = required(method, path).orElseThrow(() -> new MissingScope(null,
                "API keys may not call " + method + " " + path));
        if (anyOf.stream().noneMatch(caller::hasScope)) {
            throw new MissingScope(anyOf.get(0), "This API key lacks the scope " + String.join(" or ", anyOf)
                    + " that " + method + " " + path + " needs");
        }
    }

    private static boolean isRead(HttpMethod method) {
        return Set.of(HttpMethod.GET, HttpMethod.HEAD).contains(method);
    }

    private static Rule rule(String pattern, boolean reads, String... anyOf) {
        return new Rule(PathPatternParser.defaultInstance.parse(pattern), reads, List.of(anyOf));
    }
}
