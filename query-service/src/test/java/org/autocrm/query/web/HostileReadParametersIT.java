package org.autocrm.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.autocrm.query.EventStreamIntegration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Dates no index can hold are a 400 problem naming the parameter, never a server error (regressions of a fuzzing run). */
class HostileReadParametersIT extends EventStreamIntegration {

    @ParameterizedTest
    @ValueSource(strings = {"createdFrom", "createdTo", "updatedFrom", "updatedTo"})
    void aTicketListDateBeyondTheYear9999IsRefusedNamingTheParameter(String parameter) {
        ResponseEntity<JsonNode> response = getExactly("/api/tickets?" + parameter + "=%2B10000-01-01T00:00:00Z", admin());

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().path("parameter").asText()).isEqualTo(parameter);
        assertThat(response.getBody().path("detail").asText()).contains("between the years 1 and 9999");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/metrics/tickets", "/api/metrics/agents"})
    void metricsForFarFutureOrCenturiesLongPeriodsAreRefusedAsBadRequests(String path) {
        for (String period : new String[] {"from=2026-01-01&to=%2B999999999-12-31T00:00:00Z",
                "from=%2B999999999-01-01T00:00:00Z&to=%2B1000000000-12-31T23:59:59Z", "from=1970-01-01&to=9999-12-31"}) {
            ResponseEntity<JsonNode> response = getExactly(path + "?" + period, admin());

            assertThat(response.getStatusCode().value()).as(period).isEqualTo(400);
            assertThat(response.getHeaders().getContentType()).as(period).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(response.getBody().path("detail").asText()).as(period).containsAnyOf("between", "apart");
        }
    }
}
