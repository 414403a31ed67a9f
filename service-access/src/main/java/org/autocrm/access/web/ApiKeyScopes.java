package org.autocrm.access.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.autocrm.access.Caller;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which scope an API key needs for each endpoint of a service (docs/permissions.md). A service
 * declares its rules as a bean; the first rule that matches decides, and an endpoint no rule names is
 * not open to API keys at all (nor is any endpoint of a service that declares none). Once its scope
 * is there, an API key acts for its organisation, and the service's own rules still apply.
 *
 * <pre>{@code
 * @Bean ApiKeyScopes apiKeyScopes() {
 *     return ApiKeyScopes.builder()
 *             .reads("/api/tickets/**", "tickets:read")
 *             .writes("/api/tickets/**", "tickets:write")
 *             .build();
 * }
 * }</pre>
 */
public final class ApiKeyScopes {

    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD);

    private record Rule(PathPattern path, boolean reads, List<String> anyOf) {

        boolean matches(HttpMethod method, PathContainer requested) {
            return READS.contains(method) == reads && path.matches(requested);
        }
    }

    private final List<Rule> rules;

    private ApiKeyScopes(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** No endpoint is open to API keys. */
    public static ApiKeyScopes none() {
        return new ApiKeyScopes(List.of());
    }

    /** The scopes of which the key needs one, or empty when API keys may not call the endpoint. */
    public Optional<List<String>> required(HttpMethod method, String path) {
        PathContainer requested = PathContainer.parsePath(path);
        return rules.stream().filter(rule -> rule.matches(method, requested)).findFirst().map(Rule::anyOf);
    }

    /** Refuses an API key without a scope the endpoint needs; other callers pass. */
    public void check(Caller caller, HttpMethod method, String path) {
        if (!caller.isApiKey()) {
            return;
        }
        List<String> anyOf = required(method, path).orElseThrow(() -> new MissingScope(null,
                "API keys may not call " + method + " " + path));
        if (anyOf.stream().noneMatch(caller::hasScope)) {
            throw new MissingScope(anyOf.get(0), "This API key lacks the scope " + String.join(" or ", anyOf)
                    + " that " + method + " " + path + " needs");
        }
    }

    public static final class Builder {
        private final List<Rule> rules = new ArrayList<>();

        private Builder() {
        }

        /** GET and HEAD of paths matching {@code pattern} need one of {@code anyOf}. */
        public Builder reads(String pattern, String... anyOf) {
            return rule(pattern, true, anyOf);
        }

        /** Every other method on paths matching {@code pattern} needs one of {@code anyOf}. */
        public Builder writes(String pattern, String... anyOf) {
            return rule(pattern, false, anyOf);
        }

        public ApiKeyScopes build() {
            return new ApiKeyScopes(rules);
        }

        private Builder rule(String pattern, boolean reads, String... anyOf) {
            if (anyOf.length == 0) {
                throw new IllegalArgumentException("a rule for " + pattern + " must name a scope");
            }
            rules.add(new Rule(PathPatternParser.defaultInstance.parse(pattern), reads, List.of(anyOf)));
            return this;
        }
    }
}
