package org.autocrm.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.autocrm.gateway.support.StubService;
import org.autocrm.gateway.support.StubServices;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One OpenAPI document for the platform, merged from the services' own documents as the gateway
 * routes them, and surviving a service that is down.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@StubServices(unreachable = "kb-service")
class ApiDocsIT {

    // ticket-service documents the writes and its "as of" read; query-service the reads. Both call
    // their ticket schema "Ticket", differently.
    private static final String TICKET_SERVICE_DOCS = """
            {"openapi":"3.0.1","info":{"title":"ticket-service","version":"v1"},
             "servers":[{"url":"http://10.1.2.3:8081","description":"Generated server url"}],
             "tags":[{"name":"tickets","description":"Ticket commands"}],
             "paths":{
               "/api/tickets":{"post":{"operationId":"openTicket","tags":["tickets"],
                 "requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/OpenTicket"}}}},
                 "responses":{"201":{"description":"created","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Ticket"}}}}}}},
               "/api/tickets/{id}":{
                 "put":{"operationId":"editTicket","responses":{"200":{"description":"edited"},
                        "409":{"description":"stale","content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/ProblemDetail"}}}}}},
                 "get":{"operationId":"ticketAsOf","parameters":[{"name":"asOf","in":"query","required":true,"schema":{"type":"string"}}],
                        "responses":{"200":{"description":"as of","content":{"application/json":{"schema":{"$ref":"#/components/schemas/TicketAsOf"}}}}}}}},
             "components":{"schemas":{
               "OpenTicket":{"type":"object","properties":{"subject":{"type":"string"}}},
               "Ticket":{"type":"object","properties":{"version":{"type":"integer"}}},
               "TicketAsOf":{"type":"object","properties":{"history":{"$ref":"#/components/schemas/AsOfHistory"}}},
               "AsOfHistory":{"type":"array","items":{"type":"string"}},
               "ProblemDetail":{"type":"object","properties":{"status":{"type":"integer"}}}}}}
            """;
    private static final String QUERY_SERVICE_DOCS = """
            {"openapi":"3.0.1","info":{"title":"query-service","version":"v1"},
             "servers":[{"url":"http://10.1.2.4:8082"}],
             "tags":[{"name":"tickets","description":"Ticket reads"}],
             "paths":{
               "/api/tickets":{"get":{"operationId":"searchTickets",
                 "responses":{"200":{"description":"found","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Ticket"}}}}}}},
               "/api/tickets/{id}":{"get":{"operationId":"findTicket","responses":{"200":{"description":"found"},
                 "404":{"description":"none","content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/ProblemDetail"}}}}}}},
               "/internal/reindex":{"post":{"operationId":"reindex","responses":{"202":{"description":"started"}}}}},
             "components":{"schemas":{
               "Ticket":{"type":"object","properties":{"subject":{"type":"string"},"status":{"type":"string"}}},
               "ProblemDetail":{"type":"object","properties":{"status":{"type":"integer"}}}}}}
            """;

    @BeforeAll
    static void serveTheServicesDocuments() {
        StubService.named("ticket-service").serveApiDocs(TICKET_SERVICE_DOCS);
        StubService.named("query-service").serveApiDocs(QUERY_SERVICE_DOCS);
    }

    @Autowired
    private WebTestClient client;

    @Test
    void mergesTheServicesDocumentsAsTheGatewayRoutesThem() {
        client.get().uri("/v3/api-docs")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.info.title").isEqualTo("AutoCRM API")
                .jsonPath("$.paths['/api/tickets'].post.operationId").isEqualTo("openTicket")
                .jsonPath("$.paths['/api/tickets'].get.operationId").isEqualTo("searchTickets")
                .jsonPath("$.paths['/api/tickets/{id}'].put.operationId").isEqualTo("editTicket")
                // a plain GET of a ticket goes to query-service, so that is the one documented
                .jsonPath("$.paths['/api/tickets/{id}'].get.operationId").isEqualTo("findTicket")
                // no route leads to it: not part of the public API
                .jsonPath("$.paths['/internal/reindex']").doesNotExist()
                // both services have a tag "tickets": one is kept
                .jsonPath("$.tags[?(@.name == 'tickets')].name").value(names -> assertThat((java.util.List<?>) names).hasSize(1));
    }

    @Test
    void keepsBothOfTwoDifferentSchemasWithTheSameName() {
        client.get().uri("/v3/api-docs")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                // services merge in the order of their names: query-service's comes first and keeps the name
                .jsonPath("$.components.schemas.Ticket.properties.status").exists()
                .jsonPath("$.components.schemas['ticket-service.Ticket'].properties.version").exists()
                .jsonPath("$.paths['/api/tickets'].get.responses['200'].content['application/json'].schema.$ref")
                .isEqualTo("#/components/schemas/Ticket")
                .jsonPath("$.paths['/api/tickets'].post.responses['201'].content['application/json'].schema.$ref")
                .isEqualTo("#/components/schemas/ticket-service.Ticket")
                // the same schema twice is kept once
                .jsonPath("$.components.schemas['ticket-service.ProblemDetail']").doesNotExist()
                .jsonPath("$.components.schemas.ProblemDetail").exists();
    }

    @Test
    void dropsTheComponentsOnlyOperationsRoutedElsewhereReferTo() {
        // ticket-service's "as of" read is not in the document (query-service answers GET /api/tickets/{id})
        client.get().uri("/v3/api-docs")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.components.schemas.TicketAsOf").doesNotExist()
                .jsonPath("$.components.schemas.AsOfHistory").doesNotExist()
                .jsonPath("$.components.schemas.OpenTicket").exists();
    }

    @Test
    void namesTheLicenseAndKeepsEachTagOnceWithItsDescription() {
        client.get().uri("/v3/api-docs")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.info.license.name").isEqualTo("Apache 2.0")
                .jsonPath("$.info.license.url").isEqualTo("https://www.apache.org/licenses/LICENSE-2.0")
                .jsonPath("$.tags[?(@.name == 'tickets')].description").isEqualTo("Ticket reads");
    }

    @Test
    void pointsAtTheGatewayAndNamesAServiceThatIsDownWithoutItsAddress() {
        byte[] document = client.get().uri("/v3/api-docs")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.servers.length()").isEqualTo(1)
                .jsonPath("$.servers[0].url").isEqualTo("/")
                .jsonPath("$.info.description").value(description -> assertThat(description.toString())
                        .contains("merged from: gateway, ")
                        .contains("ticket-service")
                        .contains("kb-service (not reachable)"))
                .returnResult().getResponseBodyContent();
        assertThat(new String(document)).doesNotContain("10.1.2.3").doesNotContain("127.0.0.1").doesNotContain("localhost:");
    }

    @Test
    void servesEachServicesPartForTheDocsPagesChoice() {
        client.get().uri("/v3/api-docs/ticket-service")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.info.title").isEqualTo("AutoCRM API: ticket-service")
                .jsonPath("$.paths['/api/tickets'].post.operationId").isEqualTo("openTicket")
                .jsonPath("$.paths['/api/tickets'].get").doesNotExist();

        client.get().uri("/v3/api-docs/kb-service")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString())
                        .contains("kb-service").doesNotContain("127.0.0.1"));

        client.get().uri("/v3/api-docs/billing-service")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void offersSwaggerUiWithTheWholePlatformAndEachServiceToChooseFrom() {
        client.get().uri("/swagger-ui.html")
                .exchange()
                .expectStatus().is3xxRedirection();
        client.get().uri("/swagger-ui/index.html")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);

        client.get().uri("/api-docs/swagger-config")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.urls[?(@.name == 'AutoCRM (all services)')].url").isEqualTo("/v3/api-docs")
                .jsonPath("$.urls[?(@.name == 'ticket-service')].url").isEqualTo("/v3/api-docs/ticket-service")
                .jsonPath("$['urls.primaryName']").isEqualTo("AutoCRM (all services)");
    }
}
