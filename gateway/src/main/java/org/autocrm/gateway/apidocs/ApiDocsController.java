package org.autocrm.gateway.apidocs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code GET /v3/api-docs}: the whole platform's API in one document; {@code GET /v3/api-docs/{source}}:
 * one service's (or the gateway's) part of it, for Swagger UI's per-service choice. Public, like the
 * services' own documents.
 */
@Hidden
@RestController
class ApiDocsController {

    private final ApiDocsSources sources;
    private final RouteOwnership ownership;
    private final OpenApiMerger merger = new OpenApiMerger();

    ApiDocsController(ApiDocsSources sources, RouteOwnership ownership) {
        this.sources = sources;
        this.ownership = ownership;
    }

    @GetMapping(path = "/v3/api-docs", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ObjectNode> platform(ServerWebExchange exchange) {
        return sources.all().flatMap(documents -> merged("AutoCRM API", documents, exchange));
    }

    @GetMapping(path = "/v3/api-docs/{source}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ObjectNode> ofOne(@PathVariable String source, ServerWebExchange exchange) {
        return sources.one(source)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "No service named " + source + "; known are " + String.join(", ", sources.names()) + "."))
                .flatMap(document -> {
                    if (!document.present()) {
                        return Mono.error(new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                                "The API document of " + source + " cannot be fetched right now: "
                                        + document.missingBecause() + "."));
                    }
                    return merged("AutoCRM API: " + source, List.of(document), exchange);
                });
    }

    private Mono<ObjectNode> merged(String title, List<ApiDocument> documents, ServerWebExchange exchange) {
        return ownership.routedOperations(documents, exchange)
                .map(routed -> merger.merge(title, documents, (source, operation) -> routed.contains(source + " " + operation)));
    }
}
