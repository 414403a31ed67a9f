package org.autocrm.access.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.autocrm.access.Caller;
import org.autocrm.access.TestTokens;
import org.autocrm.access.apidocs.ProblemResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** A service that only depends on the kit and sets autocrm.identity.* authenticates callers and answers 401/403. */
@SpringBootTest(classes = ServiceAccessAutoConfigurationTest.ThingService.class)
@AutoConfigureMockMvc
class ServiceAccessAutoConfigurationTest {

    @DynamicPropertySource
    static void identity(DynamicPropertyRegistry registry) {
        registry.add("autocrm.identity.jwks", () -> TestTokens.publicKeySet(TestTokens.KEY));
    }

    @Autowired
    private MockMvc http;

    @Test
    void aRequestWithoutTokenIsNotSignedInWithABareChallenge() throws Exception {
        http.perform(get("/api/things"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://autocrm.org/problems/not-signed-in"))
                .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void aTokenSignedWithAKeyTheGatewayDoesNotPublishIsRefusedSayingWhy() throws Exception {
        String forged = TestTokens.token("acme", "maria", "admin").signedWith(TestTokens.unknownKey()).sign();

        http.perform(get("/api/things").header("Authorization", "Bearer " + forged))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith(
                        "Bearer error=\"invalid_token\"")))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("key")));
    }

    @Test
    void aSignedInCallerReachesTheControllerAsACaller() throws Exception {
        http.perform(get("/api/things").header("Authorization", "Bearer "
                        + TestTokens.token("acme", "maria", "agent").groups("tier-1").sign()))
                .andExpect(status().isOk())
                .andExpect(content().string("acme/maria/AGENT/[tier-1]"));
    }

    @Test
    void anApiKeyWithoutTheScopeIsForbiddenAndToldWhichScopeItNeeds() throws Exception {
        http.perform(get("/api/things").header("Authorization", "Bearer "
                        + TestTokens.token("acme", "key-7", "api_key").scope("other:read").sign()))
                .andExpect(status().isForbidden())
                .andExpect(header().string("WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\"things:read\""))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("MISSING_SCOPE"))
                .andExpect(jsonPath("$.scope").value("things:read"));
    }

    @Test
    void anApiKeyWithTheScopeIsLetIn() throws Exception {
        http.perform(get("/api/things").header("Authorization", "Bearer "
                        + TestTokens.token("acme", "key-7", "api_key").scope("things:read").sign()))
                .andExpect(status().isOk());
    }

    @Test
    void anEndpointNoRuleNamesIsClosedToApiKeys() throws Exception {
        http.perform(post("/api/things").header("Authorization", "Bearer "
                        + TestTokens.token("acme", "key-7", "api_key").scope("things:read").sign()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("API keys may not call POST /api/things"));
    }

    @Test
    void anAutomationIsJudgedByTheScopesTheServiceGrantsItNotByItsToken() throws Exception {
        String automation = TestTokens.token("acme", "routing-service", "automation").scope("things:read").sign();
        // this service grants automations nothing: the scope its token claims counts for nothing
        http.perform(get("/api/things").header("Authorization", "Bearer " + automation))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("MISSING_SCOPE"))
                .andExpect(jsonPath("$.detail").value("An automation lacks the scope things:read that GET /api/things needs"));
        http.perform(post("/api/things").header("Authorization", "Bearer " + automation))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("Automations may not call POST /api/things"));
    }

    @Test
    void devHeadersCountForNothingUnlessSwitchedOn() throws Exception {
        http.perform(get("/api/things").header(CallerResolver.ROLE_HEADER, "admin"))
                .andExpect(status().isUnauthorized());
    }

    /**
     * A service as small as can be that depends on the kit: the endpoints and the exception advice
     * are shaped like the real services' (an advice extending ResponseEntityExceptionHandler with a
     * catch-all 500), so the kit's tests show what every service gets. No component scan: like a real
     * service (whose package is not the kit's), it gets the kit through auto-configuration only.
     */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class ThingService {

        @Bean
        ApiKeyScopes apiKeyScopes() {
            return ApiKeyScopes.builder().reads("/api/things", "things:read").build();
        }

        @Bean
        ThingController thingController() {
            return new ThingController();
        }

        @Bean
        ThingProblems thingProblems() {
            return new ThingProblems();
        }
    }

    record Address(String city, List<String> lines) {
    }

    record Customer(String name, List<String> emails, Map<String, String> fields, Address address, Integer size) {
    }

    @RestController
    static class ThingController {

        @GetMapping("/api/things")
        String things(Caller caller) {
            return caller.tenantId() + "/" + caller.userId() + "/" + caller.role() + "/" + caller.groups();
        }

        @PostMapping("/api/things")
        String add(Caller caller) {
            return "added";
        }

        @PostMapping("/api/things/customers")
        String addCustomer(@RequestBody Customer customer) {
            return "added " + customer.name();
        }

        @GetMapping("/api/things/search")
        String search(@RequestParam(required = false) String q) {
            return "found " + q;
        }

        @GetMapping("/api/things/{id}")
        String thing(@PathVariable String id) {
            return "thing " + id;
        }

        @PostMapping("/api/things/files")
        String upload(@RequestParam("file") MultipartFile file) {
            return "uploaded " + file.getOriginalFilename();
        }

        @DeleteMapping("/api/things/{id}")
        @ProblemResponse(status = 409, description = "The thing is in use")
        void remove(@PathVariable String id, HttpServletResponse response) throws IOException {
            response.sendError(HttpStatus.CONFLICT.value(), "Thing " + id + " is in use");
        }
    }

    /** Like the services' own ProblemResponses: its own answer for unreadable bodies and big uploads, a catch-all 500. */
    @RestControllerAdvice
    static class ThingProblems extends ResponseEntityExceptionHandler {

        @Override
        protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                HttpHeaders headers, HttpStatusCode status, WebRequest request) {
            if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                String field = mapping.getPath().stream()
                        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                        .collect(Collectors.joining("."));
                return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                        field + " has the wrong type"));
            }
            return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "The request body is not valid JSON"));
        }

        @Override
        protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
                HttpHeaders headers, HttpStatusCode status, WebRequest request) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(ProblemDetail.forStatusAndDetail(
                    HttpStatus.PAYLOAD_TOO_LARGE, "The upload is larger than this service accepts"));
        }

        @ExceptionHandler(Exception.class)
        ResponseEntity<ProblemDetail> unexpected(Exception ex) {
            return ResponseEntity.internalServerError().body(ProblemDetail.forStatusAndDetail(
                    HttpStatus.INTERNAL_SERVER_ERROR, "The request failed on our side"));
        }
    }
}
