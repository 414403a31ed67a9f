package org.autocrm.access.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.autocrm.access.Caller;
import org.autocrm.access.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

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
    void devHeadersCountForNothingUnlessSwitchedOn() throws Exception {
        http.perform(get("/api/things").header(CallerResolver.ROLE_HEADER, "admin"))
                .andExpect(status().isUnauthorized());
    }

    @SpringBootApplication
    static class ThingService {

        @Bean
        ApiKeyScopes apiKeyScopes() {
            return ApiKeyScopes.builder().reads("/api/things", "things:read").build();
        }

        @Bean
        ThingController thingController() {
            return new ThingController();
        }
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
    }
}
