package org.autocrm.access.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.autocrm.access.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

/** While the gateway's key set has never been readable, no token can be checked: 503 with Retry-After, not 401 or 500. */
@SpringBootTest(classes = ServiceAccessAutoConfigurationTest.ThingService.class,
        properties = "autocrm.identity.jwks-uri=http://127.0.0.1:9/.well-known/jwks.json")
@AutoConfigureMockMvc
class UnreachableKeysTest {

    @Autowired
    private MockMvc http;

    @Test
    void aTokenThatCannotBeCheckedIsAnsweredWithRetryLater() throws Exception {
        http.perform(get("/api/things").header("Authorization", "Bearer " + TestTokens.valid("acme", "maria", "agent")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.status").value(503));
    }
}
