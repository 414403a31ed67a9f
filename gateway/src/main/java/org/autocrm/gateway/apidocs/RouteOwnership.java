package org.autocrm.gateway.apidocs;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Asks the live route table which service a documented operation would reach, so the merged
 * document shows each path and method as the gateway really routes it: ticket-service's and
 * query-service's {@code GET /api/tickets/{id}} do not both appear, only the one a client gets.
 */
@Component
class RouteOwnership {

    static final String GATEWAY = "gateway";

    private final RouteLocator routes;

    RouteOwnership(RouteLocator routes) {
        this.routes = routes;
    }

    /** "source METHOD /path" of every operation in the documents that the gateway routes to its source. */
    Mono<Set<String>> routedOperations(List<ApiDocument> documents, ServerWebExchange current) {
        return routes.getRoutes().collectList().flatMap(table -> Flux.fromIterable(documents)
                .filter(ApiDocument::present)
                .flatMap(document -> Flux.fromIterable(operationsOf(document))
                        .concatMap(operation -> ownerOf(operation, table, current)
                                .filter(owner -> owner.equals(document.source()))
                                .map(owner -> document.source() + " " + operation)))
                .collect(HashSet<String>::new, Set::add)
                .map(set -> {
                    // the gateway's own endpoints are served here, not routed
                    documents.stream().filter(d -> d.present() && d.source().equals(GATEWAY))
                            .forEach(d -> operationsOf(d).forEach(operation -> set.add(GATEWAY + " " + operation)));
                    return (Set<String>) set;
                }));
    }

    private static List<String> operationsOf(ApiDocument document) {
        List<String> operations = new java.util.ArrayList<>();
        document.document().path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> {
                    if (OpenApiMerger.METHODS.contains(method)) {
                        operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                    }
                }));
        return operations;
    }

    private static Mono<String> ownerOf(String operation, List<Route> table, ServerWebExchange current) {
        int space = operation.indexOf(' ');
        HttpMethod method = HttpMethod.valueOf(operation.substring(0, space));
        String path = operation.substring(space + 1).replaceAll("\\{[^}]*}", "x");
        ServerWebExchange probe = new Probe(current.mutate()
                .request(request -> request.method(method).path(path))
                .build());
        return Flux.fromIterable(table)
                .concatMap(route -> Mono.from(route.getPredicate().apply(probe))
                        .filter(Boolean::booleanValue)
                        .map(matched -> serviceOf(route)))
                .next();
    }

    private static String serviceOf(Route route) {
        return String.valueOf(route.getMetadata().getOrDefault("service", route.getId()));
    }

    /** A made-up request: its own attributes, so the predicates' bookkeeping stays off the real one. */
    private static final class Probe extends ServerWebExchangeDecorator {

        private final Map<String, Object> attributes = new HashMap<>();

        Probe(ServerWebExchange delegate) {
            super(delegate);
        }

        @Override
        public Map<String, Object> getAttributes() {
            return attributes;
        }
    }
}
