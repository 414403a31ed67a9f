package org.autocrm.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsInUrlsTest {

    @Test
    void masksValuesOfParametersNamedLikeSecretsAndKeepsTheRest() {
        assertThat(SecretsInUrls.maskedQuery("status=OPEN&token=abc&api_key=k1&code=xyz&state=s&q=printer"))
                .isEqualTo("status=OPEN&token=***&api_key=***&code=***&state=***&q=printer");
    }

    @Test
    void masksPathSegmentsThatLookLikeTokensButKeepsIds() {
        assertThat(SecretsInUrls.maskedPath("/api/auth/link/kX9f3LmQ2vR8tY1wZ7pN4sB6cD0eF5gH2jK"))
                .isEqualTo("/api/auth/link/***");
        assertThat(SecretsInUrls.maskedPath("/api/tickets/5b2f7c1e-9a4d-4e3b-8f6a-2c1d0e9b8a7f/attachments/65a1f0c2e4b0a1b2c3d4e5f6"))
                .isEqualTo("/api/tickets/5b2f7c1e-9a4d-4e3b-8f6a-2c1d0e9b8a7f/attachments/65a1f0c2e4b0a1b2c3d4e5f6");
    }

    @Test
    void leavesNoQueryOut() {
        assertThat(SecretsInUrls.maskedQuery(null)).isNull();
        assertThat(SecretsInUrls.maskedQuery("")).isNull();
    }

    @Test
    void neutralisesLineBreaksSoAClientCannotForgeALogLine() {
        assertThat(new LogLine().add("path", "/api/x\nstatus=200 forged").toString())
                .isEqualTo("path=\"/api/x?status=200 forged\"");
    }
}
