package org.autocrm.access.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.autocrm.access.Caller;
import org.autocrm.access.Role;
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
 * <p>An automation (role {@code automation}, an AutoCRM component signed in by client credentials) has no scopes
 * in its token: it is judged like an API key holding the scopes the service grants it with
 * {@link Builder#automationHolds}, and by default none, so a service that grants nothing is closed to it.
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
    private final Set<String> automationScopes;

    private ApiKeyScopes(List<Rule> rules, Set<String> automationScopes) {
        this.rules = List.copyOf(rules);
        this.automationScopes = Set.copyOf(automationScopes);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** No endpoint is open to API keys. */
    public static ApiKeyScopes none() {
        return new ApiKeyScopes(List.of(), Set.of());
    }

    /** The scopes of which the key needs one, or empty when API keys may not call the endpoint. */
    public Optional<List<String>> required(HttpMethod method, String path) {
        PathContainer requested = PathContainer.parsePath(path);
        return rules.stream().filter(rule -> rule.matches(method, requested)).findFirst().map(Rule::anyOf);
    }

    /**
     * Refuses an API key without a scope the endpoint needs, and an automation when the scopes the service grants
     * it do not cover the endpoint; other callers pass.
     */
    public void check(Caller caller, HttpMethod method, String path) {
        boolean automation = caller.is(Role.AUTOMATION);
        if (!caller.isApiKey() && !automation) {
            return;
        }
        String who = automation ? "An automation" : "This API key";
        List<String> anyOf = required(method, path).orElseThrow(() -> new MissingScope(null,
                (automation ? "Automations" : "API keys") + " may not call " + method + " " + path));
        Set<String> held = automation ? automationScopes : caller.scopes();
        if (anyOf.stream().noneMatch(held::contains)) {
            throw new MissingScope(anyOf.get(0), who + " lacks the scope " + String.join(" or ", anyOf)
                    + " that " + method + " " + path + " needs");
        }
    }

    /** The scopes an automation holds in this service (none unless the service grants some). */
    public Set<String> automationScopes() {
        return automationScopes;
    }

    public static final class Builder {
        private final List<Rule> rules = new ArrayList<>();
        private final Set<String> automationScopes = new LinkedHashSet<>();

        private Builder() {
        }

        /**
         * An automation (role {@code automation}) calling this service is judged like an API key holding
         * {@code scopes}; without this it may call nothing here.
         */
        public Builder automationHolds(String... scopes) {
            automationScopes.addAll(List.of(scopes));
            return this;
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
            return new ApiKeyScopes(rules, automationScopes);
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
