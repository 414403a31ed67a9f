package org.autocrm.access.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.autocrm.access.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** A service on the kit documents the kit's refusals as problem+json in its OpenAPI document, without a line of its own. */
@SpringBootTest(classes = ServiceAccessAutoConfigurationTest.ThingService.class)
@AutoConfigureMockMvc
class ProblemResponsesDocumentedTest {

    @DynamicPropertySource
    static void identity(DynamicPropertyRegistry registry) {
        registry.add("autocrm.identity.jwks", () -> TestTokens.publicKeySet(TestTokens.KEY));
    }

    @Autowired
    private MockMvc http;

    @Test
    void everyApiOperationDocumentsNotSignedInForbiddenAndUnavailableAsProblems() throws Exception {
        http.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/things'].get.responses['401'].content['application/problem+json']"
                        + ".schema['$ref']").value("#/components/schemas/Problem"))
                .andExpect(jsonPath("$.paths['/api/things'].get.responses['403']").exists())
                .andExpect(jsonPath("$.paths['/api/things'].get.responses['503']").exists())
                .andExpect(jsonPath("$.paths['/api/things'].post.responses['401']").exists())
                .andExpect(jsonPath("$.paths['/api/things'].get.responses['415']").doesNotExist())
                .andExpect(jsonPath("$.components.schemas.Problem.properties.detail.type").value("string"))
                .andExpect(jsonPath("$.components.securitySchemes.bearerAuth.scheme").value("bearer"));
    }

    @Test
    void everyOperationMayBeRefusedForHostileInputButOnlyOneNamingAnIdIsSaidToAnswer404() throws Exception {
        http.perform(get("/v3/api-docs"))
                .andExpect(jsonPath("$.paths['/api/things'].get.responses['400']").exists())
                .andExpect(jsonPath("$.paths['/api/things'].get.responses['404']").doesNotExist());
    }

    @Test
    void aRefusalAnOperationDeclaresIsDocumentedAsAProblem() throws Exception {
        http.perform(get("/v3/api-docs"))
                .andExpect(jsonPath("$.paths['/api/things/{id}'].delete.responses['409'].description").value("The thing is in use"))
                .andExpect(jsonPath("$.paths['/api/things/{id}'].delete.responses['409'].content['application/problem+json']"
                        + ".schema['$ref']").value("#/components/schemas/Problem"))
                .andExpect(jsonPath("$.paths['/api/things/customers'].post.responses['415']").exists());
    }

    @Test
    void theCallerIsNoParameterOfAnyOperation() throws Exception {
        http.perform(get("/v3/api-docs"))
                .andExpect(jsonPath("$.paths['/api/things'].get.parameters").doesNotExist());
    }
}
