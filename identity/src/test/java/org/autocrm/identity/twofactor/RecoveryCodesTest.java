package org.autocrm.identity.twofactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecoveryCodesTest {

    private final RecoveryCodes recoveryCodes = new RecoveryCodes();

    @Test
    void issuesDistinctCodesAndStoresOnlyTheirHashes() {
        RecoveryCodes.Issued issued = recoveryCodes.generate(10);

        assertThat(issued.plainCodes()).hasSize(10).doesNotHaveDuplicates()
                .allMatch(code -> code.matches("[A-Z2-7]{4}(-[A-Z2-7]{4}){3}"));
        assertThat(issued.hashes()).hasSize(10).doesNotHaveDuplicates()
                .noneMatch(hash -> issued.plainCodes().stream().anyMatch(code -> hash.contains(code.replace("-", ""))));
    }

    @Test
    void aCodeWorksOnceAndIsThenGone() {
        RecoveryCodes.Issued issued = recoveryCodes.generate(3);
        String code = issued.plainCodes().get(1);

        RecoveryCodes.Redemption first = recoveryCodes.redeem(code, issued.hashes());
        RecoveryCodes.Redemption second = recoveryCodes.redeem(code, first.remainingHashes());

        assertThat(first.accepted()).isTrue();
        assertThat(first.consumedHash()).isEqualTo(issued.hashes().get(1));
        assertThat(first.remainingHashes()).containsExactly(issued.hashes().get(0), issued.hashes().get(2));
        assertThat(second.accepted()).isFalse();
        assertThat(second.remainingHashes()).isEqualTo(first.remainingHashes());
    }

    @Test
    void acceptsACodeTypedInLowerCaseWithoutDashes() {
        RecoveryCodes.Issued issued = recoveryCodes.generate(2);
        String typed = issued.plainCodes().get(0).replace("-", "").toLowerCase();

        assertThat(recoveryCodes.redeem(typed, issued.hashes()).accepted()).isTrue();
    }

    @Test
    void refusesUnknownAndMalformedCodesLeavingTheStoredHashesAlone() {
        RecoveryCodes.Issued issued = recoveryCodes.generate(2);

        for (String wrong : new String[] {"AAAA-BBBB-CCCC-DDDD", "", null, "1111-1111-1111-1111", "AAAA"}) {
            RecoveryCodes.Redemption redemption = recoveryCodes.redeem(wrong, issued.hashes());
            assertThat(redemption.accepted()).as(String.valueOf(wrong)).isFalse();
            assertThat(redemption.remainingHashes()).isEqualTo(issued.hashes());
        }
        assertThat(recoveryCodes.redeem(issued.plainCodes().get(0), List.of()).accepted()).isFalse();
    }

    @Test
    void refusesSillyCounts() {
        assertThatThrownBy(() -> recoveryCodes.generate(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
