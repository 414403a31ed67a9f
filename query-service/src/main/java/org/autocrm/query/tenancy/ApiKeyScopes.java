package org.autocrm.query.tenancy;

import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which scope an API key needs for each read of this service (docs/permissions.md). The first rule
 * that matches decides; a path no rule names is not open to API keys at all. With
 * {@code tickets:read} an API key reads every ticket of its tenant, as an admin does.
 */
final class ApiKeyScopes {

    static final String TICKETS_READ = "tickets:read";
    static final String CUSTOMERS_READ = "customers:read";

    private record Rule(PathPattern path, String scope) {
    }

    private static final List<Rule> RULES = List.of(
            rule("/api/tickets/**", TICKETS_READ),
            rule("/api/metrics/**", TICKETS_READ),
            rule("/api/customers/{customerId}/tickets", TICKETS_READ),
            rule("/api/customers/**", CUSTOMERS_READ));

    private ApiKeyScopes() {
    }

    /** The scope the key needs, or empty when API keys may not call the endpoint. */
    static Optional<String> required(HttpMethod method, String path) {
        if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
            return Optional.empty();
        }
        PathContainer requested = PathContainer.parsePath(path);
        return RULES.stream().filter(rule -> rule.path().matches(requested)).findFirst().map(Rule::scope);
    }

    /** Refuses an API key without the scope the endpoint needs. */
    static void check(Caller caller, HttpMethod method, String path) {
        String scope = required(method, path).orElseThrow(() -> new MissingScope(null,
                "API keys may not call " + method + " " + path));
        if (!caller.hasScope(scope)) {
            throw new MissingScope(scope, "This API key lacks the scope " + scope + " that " + method + " " + path
                    + " needs");
        }
    }

    private static Rule rule(String pattern, String scope) {
        return new Rule(PathPatternParser.defaultInstance.parse(pattern), scope);
    }
}
