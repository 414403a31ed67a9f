package org.autocrm.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretQueryValuesTest {

    @Test
    void masksValuesOfParametersNamedLikeSecretsAndKeepsTheRest() {
        assertThat(SecretQueryValues.masked("status=OPEN&token=abc&api_key=k1&code=xyz&state=s&q=printer"))
                .isEqualTo("status=OPEN&token=***&api_key=***&code=***&state=***&q=printer");
    }

    @Test
    void leavesNoQueryOut() {
        assertThat(SecretQueryValues.masked(null)).isNull();
        assertThat(SecretQueryValues.masked("")).isNull();
    }

    @Test
    void neutralisesLineBreaksSoAClientCannotForgeALogLine() {
        assertThat(new LogLine().add("path", "/api/x\nstatus=200 forged").toString())
                .isEqualTo("path=\"/api/x?status=200 forged\"");
    }
}
