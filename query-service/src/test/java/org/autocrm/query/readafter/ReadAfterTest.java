package org.autocrm.query.readafter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.autocrm.query.web.InvalidParameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ReadAfterTest {

    @Test
    void readsEveryTicketOfTheHeaderAndKeepsTheHighestVersionOfEach() {
        ReadAfter wanted = ReadAfter.of(" t-1:3, t-2:0,t-1:5 ", null, null);

        assertThat(wanted.versions()).isEqualTo(Map.of("t-1", 5L, "t-2", 0L));
    }

    @Test
    void minVersionAppliesToTheTicketBeingRead() {
        assertThat(ReadAfter.of(null, "t-9", "4").versions()).isEqualTo(Map.of("t-9", 4L));
        assertThat(ReadAfter.of("t-9:6", "t-9", "4").versions()).isEqualTo(Map.of("t-9", 6L));
    }

    @Test
    void nothingAskedIsEmpty() {
        assertThat(ReadAfter.of(null, "t-1", null).isEmpty()).isTrue();
        assertThat(ReadAfter.of("  ", null, null).isEmpty()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"t-1", "t-1:", ":3", "t-1:3:4", "t-1:-1", "t-1:x", "t 1:3", "t-1:3,,t-2:1",
            "t-1:99999999999999999999"})
    void aMalformedHeaderIsRefusedNamingIt(String header) {
        assertThatThrownBy(() -> ReadAfter.of(header, null, null))
                .isInstanceOfSatisfying(InvalidParameter.class,
                        e -> assertThat(e.parameter()).isEqualTo("X-AutoCRM-Read-After"));
    }

    @Test
    void moreThanFiftyTicketsAreRefused() {
        StringBuilder header = new StringBuilder("t0:1");
        for (int i = 1; i <= 50; i++) {
            header.append(",t").append(i).append(":1");
        }
        assertThatThrownBy(() -> ReadAfter.of(header.toString(), null, null)).isInstanceOf(InvalidParameter.class);
    }

    @Test
    void minVersionMustBeAWholeNumberAndOnlyForOneTicket() {
        assertThatThrownBy(() -> ReadAfter.of(null, "t-1", "soon"))
                .isInstanceOfSatisfying(InvalidParameter.class, e -> assertThat(e.parameter()).isEqualTo("minVersion"));
        assertThatThrownBy(() -> ReadAfter.of(null, null, "2"))
                .isInstanceOfSatisfying(InvalidParameter.class, e -> assertThat(e.parameter()).isEqualTo("minVersion"));
    }
}
