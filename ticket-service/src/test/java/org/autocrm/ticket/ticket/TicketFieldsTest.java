package org.autocrm.ticket.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.autocrm.events.TicketStatus;
import org.autocrm.ticket.refusal.Refused;
import org.junit.jupiter.api.Test;

class TicketFieldsTest {

    private final TenantSetup tenant = new TenantSetup();

    @Test
    void aStatusChangeNamesAStatusALabelOrBothThatAgree() {
        tenant.labels.put("Waiting for vendor", TicketStatus.ON_HOLD);
        assertThat(TicketFields.requestedStatus("acme", TicketStatus.PENDING, null, tenant)).isEqualTo(TicketStatus.PENDING);
        assertThat(TicketFields.requestedStatus("acme", TicketStatus.ON_HOLD, "Waiting for vendor", tenant))
                .isEqualTo(TicketStatus.ON_HOLD);
        assertThatThrownBy(() -> TicketFields.requestedStatus("acme", TicketStatus.PENDING, "Waiting for vendor", tenant))
                .isInstanceOfSatisfying(Refused.class,
                        refused -> assertThat(refused.refusal()).isEqualTo(TicketRule.UNKNOWN_STATUS_LABEL))
                .hasMessage("statusLabel 'Waiting for vendor' means ON_HOLD, not PENDING");
        assertThatThrownBy(() -> TicketFields.requestedStatus("acme", null, null, tenant))
                .isInstanceOfSatisfying(Refused.class,
                        refused -> assertThat(refused.refusal()).isEqualTo(TicketRule.ILLEGAL_TRANSITION))
                .hasMessage("status or statusLabel is required");
    }

    @Test
    void tagsAreTrimmedLowerCasedAndUniqueInTheOrderGiven() {
        assertThat(TicketFields.normalisedTags(Arrays.asList(" VIP", "login", null, " ", "vip", "Login ")))
                .containsExactly("vip", "login");
        assertThat(TicketFields.normalisedTags(null)).isEmpty();
    }
}
