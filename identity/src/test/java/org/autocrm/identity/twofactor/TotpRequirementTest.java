package org.autocrm.identity.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TotpRequirementTest {

    @Test
    void customersNeverNeedASecondFactor() {
        assertThat(TotpRequirement.forLogin(false, true, true)).isEqualTo(TotpRequirement.NONE);
    }

    @Test
    void enrolledStaffAlwaysGiveACode() {
        assertThat(TotpRequirement.forLogin(true, false, true)).isEqualTo(TotpRequirement.CODE);
        assertThat(TotpRequirement.forLogin(true, true, true)).isEqualTo(TotpRequirement.CODE);
    }

    @Test
    void aTenantThatEnforcesTwoFactorMakesUnenrolledStaffEnrol() {
        assertThat(TotpRequirement.forLogin(true, true, false)).isEqualTo(TotpRequirement.ENROLMENT);
        assertThat(TotpRequirement.forLogin(true, false, false)).isEqualTo(TotpRequirement.NONE);
    }
}
