package org.autocrm.identity.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditKindContractTest {

    @Test
    void everyKindTheGatewayRecordsIsOneThePublishedSchemaAllows() throws IOException {
        JsonNode schema;
        try (InputStream in = getClass().getResourceAsStream(
                "/org/autocrm/events/schemas/autocrm.security.event_recorded.v1.schema.json")) {
            schema = new ObjectMapper().readTree(in);
        }
        List<String> allowed = new ArrayList<>();
        schema.at("/properties/kind/enum").forEach(value -> allowed.add(value.asText()));

        assertThat(Arrays.stream(AuditKind.values()).map(AuditKind::wireName)).containsExactlyInAnyOrderElementsOf(allowed);
    }
}
