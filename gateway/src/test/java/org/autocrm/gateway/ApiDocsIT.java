package org.autocrm.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.autocrm.gateway.support.StubService;
import org.autocrm.gateway.support.StubServices;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One OpenAPI document for the platform, merged from the services' own documents as the gateway
 * routes them, and surviving a service that is down.
 */
// a busy machine must not leave a document out for being slow: the documents are what is tested here
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "autocrm.gateway.api-docs.timeout=20s")
@StubServices(unreachable = "kb-service")
@SuppressWarnings("unchecked")
// merging the documents waits for the unreachable service's timeout; on a busy machine longer than the default 5 s
@AutoConfigureWebTestClient(timeout = "30s")
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

    @BeforeEach
    void patientClient() {
        // the first merge fetches every service's document; on a busy machine that takes longer than the default 5 s
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

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

    @Test
    void everyOperationDocumentsWhatTheGatewaysEdgeAnswersInFrontOfItAsProblems() {
        WebTestClient.BodyContentSpec document = client.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody();
        // a routed operation keeps its own answers and gains the edge's and routing's
        document.jsonPath("$.paths['/api/tickets'].post.responses['201'].description").isEqualTo("created");
        for (String status : new String[] {"400", "401", "403", "413", "414", "415", "429", "431", "502", "503", "504"}) {
            document.jsonPath("$.paths['/api/tickets'].post.responses['" + status + "'].content['application/problem+json']"
                    + ".schema['$ref']").isEqualTo("#/components/schemas/Problem");
        }
        document.jsonPath("$.paths['/api/tickets'].post.responses['429'].headers['Retry-After'].schema.type")
                .isEqualTo("integer")
                .jsonPath("$.paths['/api/tickets'].post.responses['503'].headers['Retry-After']").exists()
                // the gateway's own operations: the edge's refusals, nothing of routing
                .jsonPath("$.paths['/api/me'].get.responses['414'].content['application/problem+json']").exists()
                .jsonPath("$.paths['/api/me'].get.responses['431']").exists()
                .jsonPath("$.paths['/api/me'].get.responses['413']").exists()
                .jsonPath("$.paths['/api/me'].get.responses['502']").doesNotExist()
                .jsonPath("$.paths['/api/me'].get.responses['504']").doesNotExist()
                .jsonPath("$.paths['/.well-known/jwks.json'].get.responses['429']").exists()
                .jsonPath("$.paths['/.well-known/jwks.json'].get.responses['401']").doesNotExist()
                .jsonPath("$.components.schemas.Problem.properties.detail.type").isEqualTo("string");
    }

    @Test
    void theGatewaysOwnOperationsSayWhatTheyAnswerAndWhatMayBeNull() {
        client.get().uri("/v3/api-docs/gateway").exchange()
                .expectStatus().isOk()
                .expectBody()
                // the success each answers, with its body
                .jsonPath("$.paths['/api/admin/users'].post.responses['201'].content['application/json'].schema['$ref']")
                .isEqualTo("#/components/schemas/UserView")
                .jsonPath("$.paths['/api/admin/users'].post.responses['200']").doesNotExist()
                .jsonPath("$.paths['/api/admin/api-keys/{id}'].delete.responses['204']").exists()
                .jsonPath("$.paths['/api/admin/api-keys/{id}'].delete.responses['200']").doesNotExist()
                .jsonPath("$.paths['/api/auth/password-reset'].post.responses['202']").exists()
                .jsonPath("$.paths['/api/auth/sso/{tenant}/start'].get.responses['302'].headers.Location").exists()
                // its refusals as problems; a public operation says no 401 for a missing token, a guarded one does
                .jsonPath("$.paths['/api/admin/users'].post.responses['422'].content['application/problem+json'].schema['$ref']")
                .isEqualTo("#/components/schemas/Problem")
                .jsonPath("$.paths['/api/admin/users'].post.responses['409']").exists()
                .jsonPath("$.paths['/api/admin/users'].post.responses['415']").exists()
                .jsonPath("$.paths['/api/admin/users'].post.security[0].bearerAuth").exists()
                .jsonPath("$.paths['/api/auth/login'].post.responses['401']").exists()
                .jsonPath("$.paths['/api/auth/login'].post.responses['403']").exists()
                .jsonPath("$.paths['/api/auth/login'].post.responses['429']").exists()
                // public: an empty security requirement, so a generated client sends no token
                .jsonPath("$.paths['/api/auth/login'].post.security").isArray()
                .jsonPath("$.paths['/api/auth/login'].post.security").isEmpty()
                .jsonPath("$.paths['/api/auth/password-reset'].post.responses['401']").doesNotExist()
                .jsonPath("$.paths['/api/me/totp'].delete.responses['409']").exists()
                // what may be null is said to be
                .jsonPath("$.components.schemas.UserView.properties.customerId.type").value(type ->
                        assertThat((List<Object>) type).contains("null"))
                .jsonPath("$.components.schemas.Me.properties.email.type").value(type ->
                        assertThat((List<Object>) type).contains("null"))
                .jsonPath("$.components.schemas.ApiKeyView.properties.revokedAt.type").value(type ->
                        assertThat((List<Object>) type).contains("null"))
                .jsonPath("$.components.schemas.AuditView.properties.clientAddress.type").value(type ->
                        assertThat((List<Object>) type).contains("null"))
                .jsonPath("$.components.schemas.UserView.properties.email.type").isEqualTo("string")
                // typed parameters and bodies, and no internal ones (the exchange)
                .jsonPath("$.paths['/api/admin/audit'].get.parameters[?(@.name == 'from')].schema.format")
                .isEqualTo("date-time")
                .jsonPath("$.paths['/api/admin/audit'].get.parameters[?(@.name == 'size')].schema.maximum").isEqualTo(200)
                .jsonPath("$.paths['/api/me'].get.parameters").doesNotExist()
                .jsonPath("$.components.schemas.ServerWebExchange").doesNotExist()
                .jsonPath("$.components.schemas.CreateGroup.properties.id.pattern").isNotEmpty()
                .jsonPath("$.components.schemas.CreateUser.required").value(required ->
                        assertThat((List<Object>) required).contains("email", "role", "password"));
    }

    @Test
    void operationIdsAreUniqueInTheMergedDocument() {
        Map<?, ?> document = client.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        List<Object> ids = ((Map<?, ?>) document.get("paths")).values().stream()
                .flatMap(item -> ((Map<?, ?>) item).values().stream())
                .filter(Map.class::isInstance)
                .<Object>map(operation -> ((Map<?, ?>) operation).get("operationId"))
                .toList();

        assertThat(ids).doesNotContainNull().doesNotHaveDuplicates().contains("userAdminCreate", "loginLogin");
    }
}
