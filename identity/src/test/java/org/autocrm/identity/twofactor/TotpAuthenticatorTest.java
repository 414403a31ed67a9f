package org.autocrm.identity.twofactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TotpAuthenticatorTest {

    /** The SHA1 seed of RFC 6238 Appendix B: ASCII "12345678901234567890". */
    private static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final TotpSecret RFC_SECRET = new TotpSecret(Base32.encode(RFC_SEED));

    private final TotpAuthenticator totp = new TotpAuthenticator();

    @ParameterizedTest(name = "T={0}s gives {1}")
    @CsvSource({
            "59, 94287082",
            "1111111109, 07081804",
            "1111111111, 14050471",
            "1234567890, 89005924",
            "2000000000, 69279037",
            "20000000000, 65353130"})
    void computesTheRfc6238Sha1TestVectors(long unixSeconds, String eightDigits) {
        long step = TotpAuthenticator.stepAt(Instant.ofEpochSecond(unixSeconds));

        assertThat(TotpAuthenticator.code(RFC_SEED, step, 8)).isEqualTo(eightDigits);
        // six digits are the same number modulo 10^6: what an authenticator app shows
        assertThat(totp.verify(RFC_SECRET, eightDigits.substring(2), -1, Instant.ofEpochSecond(unixSeconds)))
                .isEqualTo(new TotpCheck(TotpCheck.Outcome.ACCEPTED, step));
    }

    @Test
    void acceptsTheCodeOfTheStepBeforeAndAfterButNotTwoAway() {
        Instant now = Instant.ofEpochSecond(1_111_111_111L);
        long current = TotpAuthenticator.stepAt(now);

        assertThat(totp.verify(RFC_SECRET, sixDigitsOf(current - 1), -1, now).accepted()).isTrue();
        assertThat(totp.verify(RFC_SECRET, sixDigitsOf(current + 1), -1, now).accepted()).isTrue();
        assertThat(totp.verify(RFC_SECRET, sixDigitsOf(current - 2), -1, now).outcome())
                .isEqualTo(TotpCheck.Outcome.WRONG_CODE);
        assertThat(totp.verify(RFC_SECRET, sixDigitsOf(current + 2), -1, now).outcome())
                .isEqualTo(TotpCheck.Outcome.WRONG_CODE);
    }

    @Test
    void windowMovesExactlyAtTheThirtySecondBoundary() {
        // step 3 covers seconds 90..119; the code of step 1 is two steps old from second 90 on
        String codeOfStep1 = sixDigitsOf(1);

        assertThat(totp.verify(RFC_SECRET, codeOfStep1, -1, Instant.ofEpochSecond(89)).accepted()).isTrue();
        assertThat(totp.verify(RFC_SECRET, codeOfStep1, -1, Instant.ofEpochSecond(90)).outcome())
                .isEqualTo(TotpCheck.Outcome.WRONG_CODE);
        // and the code of step 4 becomes acceptable from second 90 (one step ahead)
        assertThat(totp.verify(RFC_SECRET, sixDigitsOf(4), -1, Instant.ofEpochSecond(89)).outcome())
                .isEqualTo(TotpCheck.Outcome.WRONG_CODE);
        assertThat(totp.verify(RFC_SECRET, sixDigitsOf(4), -1, Instant.ofEpochSecond(90)).accepted()).isTrue();
    }

    @Test
    void refusesACodeAlreadyAcceptedAndKeepsTheStoredStep() {
        Instant now = Instant.ofEpochSecond(1_234_567_890L);
        String code = sixDigitsOf(TotpAuthenticator.stepAt(now));

        TotpCheck first = totp.verify(RFC_SECRET, code, -1, now);
        TotpCheck again = totp.verify(RFC_SECRET, code, first.lastAcceptedStep(), now.plusSeconds(20));

        assertThat(first.accepted()).isTrue();
        assertThat(again).isEqualTo(new TotpCheck(TotpCheck.Outcome.REPLAYED, first.lastAcceptedStep()));
    }

    @Test
    void refusesAnOlderCodeOnceANewerOneWasAccepted() {
        Instant now = Instant.ofEpochSecond(1_234_567_890L);
        long current = TotpAuthenticator.stepAt(now);
        TotpCheck newer = totp.verify(RFC_SECRET, sixDigitsOf(current), -1, now);

        TotpCheck older = totp.verify(RFC_SECRET, sixDigitsOf(current - 1), newer.lastAcceptedStep(), now);

        assertThat(older.outcome()).isEqualTo(TotpCheck.Outcome.REPLAYED);
    }

    @Test
    void acceptsTheNextStepsCodeAfterOneWasUsed() {
        Instant now = Instant.ofEpochSecond(1_234_567_890L);
        long current = TotpAuthenticator.stepAt(now);
        TotpCheck first = totp.verify(RFC_SECRET, sixDigitsOf(current), -1, now);

        TotpCheck next = totp.verify(RFC_SECRET, sixDigitsOf(current + 1), first.lastAcceptedStep(),
                now.plusSeconds(30));

        assertThat(next).isEqualTo(new TotpCheck(TotpCheck.Outcome.ACCEPTED, current + 1));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "12345", "1234567", "12a456", "12-456", "١٢٣٤٥٦", "+12345", "12345\n6"})
    void refusesMalformedCodes(String code) {
        TotpCheck check = totp.verify(RFC_SECRET, code, 7, Instant.ofEpochSecond(59));

        assertThat(check).isEqualTo(new TotpCheck(TotpCheck.Outcome.MALFORMED, 7));
    }

    @Test
    void acceptsTheCodeWithTheSpaceAppsShowInTheMiddle() {
        Instant now = Instant.ofEpochSecond(59);
        String code = sixDigitsOf(TotpAuthenticator.stepAt(now));

        assertThat(totp.verify(RFC_SECRET, code.substring(0, 3) + " " + code.substring(3), -1, now).accepted())
                .isTrue();
    }

    @Test
    void generatesDistinct160BitSecretsInBase32() {
        TotpSecret one = totp.generateSecret();
        TotpSecret two = totp.generateSecret();

        assertThat(one.base32()).matches("[A-Z2-7]{32}");
        assertThat(one.key()).hasSize(20);
        assertThat(one).isNotEqualTo(two);
        assertThat(one.toString()).doesNotContain(one.base32());
    }

    @Test
    void aGeneratedSecretVerifiesItsOwnCurrentCode() {
        TotpSecret secret = totp.generateSecret();
        Instant now = Instant.now();

        String code = TotpAuthenticator.code(secret.key(), TotpAuthenticator.stepAt(now), 6);

        assertThat(totp.verify(secret, code, -1, now).accepted()).isTrue();
    }

    @Test
    void buildsTheKeyUriAuthenticatorAppsRead() {
        TotpSecret secret = new TotpSecret("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");

        assertThat(totp.enrolmentUri("alice+ops@acme.example", secret)).isEqualTo(
                "otpauth://totp/AutoCRM:alice%2Bops%40acme.example?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
                        + "&issuer=AutoCRM");
    }

    @Test
    void refusesSecretsTooShortOrNotBase32() {
        assertThatThrownBy(() -> new TotpSecret("JBSWY3DP")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TotpSecret("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PX1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String sixDigitsOf(long step) {
        return TotpAuthenticator.code(RFC_SEED, step, 6);
    }
}
