package org.autocrm.gateway.apidocs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Fetches the OpenAPI documents: each service's {@code /v3/api-docs} at its {@code autocrm.services.*}
 * address, and the gateway's own (springdoc, at {@code /api-docs} on this server). A source that does
 * not answer within the timeout, or answers something other than a document, is reported missing
 * with a reason that names no address.
 */
@Component
class ApiDocsSources {

    private static final Logger log = LoggerFactory.getLogger(ApiDocsSources.class);

    private final WebClient client;
    private final ServiceAddresses addresses;
    private final ApiDocsProperties properties;
    private volatile int ownPort;

    ApiDocsSources(WebClient.Builder builder, ServiceAddresses addresses, ApiDocsProperties properties) {
        this.client = builder.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build();
        this.addresses = addresses;
        this.properties = properties;
    }

    @EventListener
    void onStarted(WebServerInitializedEvent event) {
        if (!"management".equals(event.getApplicationContext().getServerNamespace())) {
            ownPort = event.getWebServer().getPort();
        }
    }

    /**
     * The gateway, then the services by name: a stable order, so a renamed schema keeps its name. An address given
     * for the gateway itself is not a service: its {@code /v3/api-docs} is this merged document, which would merge
     * itself again at every level, and its operations would come before the services' own.
     */
    List<String> names() {
        List<String> names = new ArrayList<>();
        names.add(RouteOwnership.GATEWAY);
        addresses.services().keySet().stream().filter(name -> !name.equals(RouteOwnership.GATEWAY)).sorted()
                .forEach(names::add);
        return names;
    }

    Mono<List<ApiDocument>> all() {
        return Flux.fromIterable(names()).flatMapSequential(this::fetch).collectList();
    }

    Optional<Mono<ApiDocument>> one(String name) {
        return names().contains(name) ? Optional.of(fetch(name)) : Optional.empty();
    }

    private Mono<ApiDocument> fetch(String source) {
        String url = RouteOwnership.GATEWAY.equals(source)
                ? "http://127.0.0.1:" + ownPort + "/api-docs"
                : addresses.services().get(source) + "/v3/api-docs";
        return client.get().uri(url)
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .bodyToMono(JsonNode.class)
                .timeout(properties.timeout())
                .map(document -> document instanceof ObjectNode object && object.has("paths")
                        ? ApiDocument.of(source, object)
                        : ApiDocument.missing(source, "its document is not an OpenAPI document"))
                .onErrorResume(error -> {
                    log.warn("OpenAPI document of {} left out: {}", source, error.toString());
                    return Mono.just(ApiDocument.missing(source, reason(error)));
                });
    }

    private static String reason(Throwable error) {
        if (error instanceof TimeoutException) {
            return "no answer in time";
        }
        if (error instanceof WebClientResponseException response) {
            return "answered " + response.getStatusCode().value();
        }
        return "not reachable";
    }
}
